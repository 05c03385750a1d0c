/**
 * Vertical deformation mappings (VDMs) δ(ℓ) of Chen et al., Section 3.1: the AP and LE
 * families, the power family, the identity and user-defined expressions, each with exact
 * δ, δ' and δ''; a parser of the paper's notation; and the check that a mapping is a VDM
 * (δ' ≥ 0 for ℓ ≥ 0). Pure Java: usable without any native library.
 */
package io.deform4j.mapping;
