/**
 * Use cases of vaults: create, update, read and list them ({@link org.strongroom.vault.app.VaultService});
 * the identity; key assignment — the request side ({@link org.strongroom.vault.app.KeyAssignments}, also
 * the JMS door {@link org.strongroom.vault.app.KeyUpdateRequestHandler} and
 * {@link org.strongroom.vault.app.AutoRotation}), the job side ({@link org.strongroom.vault.app.KeyAssignmentJob})
 * and its transactions ({@link org.strongroom.vault.app.KeyAssignmentSteps}), registered as the
 * operations of {@link org.strongroom.vault.app.KeyUpdateOperations}; and opening a vault's data key for a
 * job ({@link org.strongroom.vault.app.VaultDataKeys}).
 */
package org.strongroom.vault.app;
