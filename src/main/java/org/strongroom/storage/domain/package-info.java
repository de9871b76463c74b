/** Store formats (manifests, chunk references, the data-key file) and the store and index ports. */
package org.strongroom.storage.domain;
