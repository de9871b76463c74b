/** Registering key managers, and the key-URI router with its guards (circuit breaker, health). */
package org.strongroom.keymanager.app;
