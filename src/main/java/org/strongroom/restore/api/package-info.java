/** {@code POST .../recoveryPoints/{rp}/verify} (and restores). */
package org.strongroom.restore.api;
