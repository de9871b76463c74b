/** {@code /api/vaults/{vault}/items}: register, read and list protected items. */
package org.strongroom.protection.api;
