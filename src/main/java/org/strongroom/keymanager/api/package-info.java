/** {@code /api/keyManagers}: registrations of remote key managers, with their health (admins only). */
package org.strongroom.keymanager.api;
