/** The {@code Verify} job and requesting it. */
package org.strongroom.restore.app;
