/** Registering items (the inline {@code ConfigureBackup} job), checking their sources, reading them. */
package org.strongroom.protection.app;
