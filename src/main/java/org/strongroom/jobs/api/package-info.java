/** {@code GET /api/jobs} and {@code GET /api/jobs/{id}} as API.md defines them. */
package org.strongroom.jobs.api;
