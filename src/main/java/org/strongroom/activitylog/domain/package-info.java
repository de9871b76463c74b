/** {@link org.strongroom.activitylog.domain.ActivityRecord}, the chain head, and the repository port. */
package org.strongroom.activitylog.domain;
