/** Creating and reading disk encryption sets; wrapping a fresh disk key as a set's identity. */
package org.strongroom.diskencryption.app;
