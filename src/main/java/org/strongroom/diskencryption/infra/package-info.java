/** JPA repository of disk encryption sets. */
package org.strongroom.diskencryption.infra;
