/**
 * Sweeps: a spec (base settings, a grid, explicit cells) expands to runs with stable, readable
 * names; the sweep directory records the spec and holds every run, so a sweep can be re-launched,
 * resumed or extended by any executor (this machine or a SLURM cluster).
 */
package io.deform4j.sweep;
