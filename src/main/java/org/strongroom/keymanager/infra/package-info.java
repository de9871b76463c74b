/** The Azure Key Vault protocol client (the official SDK on the JDK's HTTP client), and JPA. */
package org.strongroom.keymanager.infra;
