/** Use cases of users: manage accounts, authenticate credentials (with a short cache), bootstrap {@code admin}. */
package org.strongroom.security.app;
