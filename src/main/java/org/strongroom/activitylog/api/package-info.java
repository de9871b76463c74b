/** {@code GET /api/activitylog} and the chain check {@code GET /api/activitylog/verification}. */
package org.strongroom.activitylog.api;
