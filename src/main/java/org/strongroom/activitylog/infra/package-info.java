/** The activity log on JPA. */
package org.strongroom.activitylog.infra;
