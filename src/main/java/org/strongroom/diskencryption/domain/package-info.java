/** The disk encryption set entity and its repository interface. */
package org.strongroom.diskencryption.domain;
