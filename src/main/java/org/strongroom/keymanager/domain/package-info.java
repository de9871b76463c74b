/** Key manager registrations and what a remote key manager answers. */
package org.strongroom.keymanager.domain;
