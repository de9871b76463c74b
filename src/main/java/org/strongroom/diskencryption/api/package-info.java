/** {@code /api/diskEncryptionSets}. */
package org.strongroom.diskencryption.api;
