/**
 * Settings declared once: a record whose components carry {@link io.deform4j.settings.Setting}
 * is described by a {@link io.deform4j.settings.SettingsSchema}, which gives every setting's
 * name, type, default and help, parses values typed as text or read from YAML/JSON, layers
 * partial settings (command line over file over presets over defaults) and builds the validated
 * record.
 */
package io.deform4j.settings;
