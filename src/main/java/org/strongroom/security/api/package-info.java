/** {@code /api/users}: user management, for admins only (beyond API.md). */
package org.strongroom.security.api;
