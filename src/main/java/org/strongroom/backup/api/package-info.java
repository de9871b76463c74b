/** {@code POST /api/vaults/{vault}/items/{item}/backup}. */
package org.strongroom.backup.api;
