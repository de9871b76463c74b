/** Start-up work of the backup engine: warming the chunk crypto up before the first job. */
package org.strongroom.backup.infra;
