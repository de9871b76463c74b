// Strongroom's console, vaults: the list and a new vault; a vault's encryption properties and the set-up of its
// customer-managed key (identity, key picker or key URI, infrastructure encryption, the key-update job live);
// its protected items; an item's backups, recovery points, restores and verifications. What may be chosen is
// what the server says (GET .../keyCandidates judges each key as the key-assignment job would).
'use strict';

const KEY_PERMISSIONS = ['get', 'list', 'wrapKey', 'unwrapKey'];

function enc(value) {
    return encodeURIComponent(value);
}

function vaultPath(vault) {
    return '/api/vaults/' + enc(vault);
}

/** Shows only the labels of a form whose data-workload lists {@code workload}. */
function showWorkloadFields(form, workload) {
    for (const field of form.querySelectorAll('[data-workload]')) {
        field.hidden = !field.dataset.workload.split(' ').includes(workload);
    }
}

/** Fills {@code select} with the disk encryption sets, after its first (empty) option. */
async function loadDiskEncryptionSets(select) {
    const sets = (await api('/api/diskEncryptionSets')).value;
    select.replaceChildren(select.options[0]);
    for (const set of sets) {
        select.append(el('option', set.name + ' (' + set.region + ')', {value: set.name}));
    }
}

// ---- vaults --------------------------------------------------------------------------------------

async function showVaults() {
    show('vaults-view');
    applyRoles($('vaults-view'));
    const vaults = (await api('/api/vaults')).value;
    const body = $('vaults-body');
    body.replaceChildren();
    if (vaults.length === 0) {
        body.append(emptyRow(4, 'No vaults yet.'));
    }
    for (const vault of vaults) {
        const row = el('tr', null, {'data-vault': vault.name});
        const name = el('td');
        name.append(el('a', vault.name, {href: '#/vaults/' + enc(vault.name)}));
        row.append(name, el('td', vault.region), el('td', vault.encryption.encryptionAtRestType),
            el('td', vault.encryption.lastUpdateStatus));
        body.append(row);
    }
}

/** A table row of one cell across {@code columns}: what an empty or refused list says (a text or a node). */
function emptyRow(columns, content) {
    const cell = el('td', null, {colspan: String(columns), class: 'empty'});
    cell.append(content);
    const row = el('tr');
    row.append(cell);
    return row;
}

/** The object store's fields of the vault form, shown for the storage type chosen. */
function showStorageFields() {
    const type = $('vault-storage-type').value;
    for (const other of ['AzureBlob', 'S3']) {
        $('vault-storage-' + other).hidden = other !== type;
    }
}

/** Where the new vault keeps its backup data, as the API takes it: nothing for the store directory. */
function chosenStorage() {
    const value = id => $(id).value.trim() || undefined;
    switch ($('vault-storage-type').value) {
        case 'AzureBlob':
            return {type: 'AzureBlob', endpoint: value('vault-azure-endpoint'), accountName: value('vault-azure-account'),
                container: value('vault-azure-container'), accountKey: $('vault-azure-key').value || undefined};
        case 'S3':
            return {type: 'S3', endpoint: value('vault-s3-endpoint'), region: value('vault-s3-region'), bucket: value('vault-s3-bucket'),
                accessKeyId: value('vault-s3-access-key-id'), secretAccessKey: $('vault-s3-secret').value || undefined};
        default:
            return undefined;
    }
}

async function createVault(event) {
    event.preventDefault();
    const name = $('vault-name').value.trim();
    await act($('vault-create'), $('vault-form-result'), async () => {
        await api(vaultPath(name), 'PUT', {region: $('vault-region').value.trim(),
            subscriptionId: $('vault-subscription').value.trim(), resourceGroup: $('vault-resource-group').value.trim(),
            storage: chosenStorage()});
        for (const secret of ['vault-azure-key', 'vault-s3-secret']) {
            $(secret).value = '';
        }
        location.hash = '#/vaults/' + enc(name);
    });
}

/** The vault's storage as the details show it; never a secret (the API has none to show). */
function storageDetails(storage) {
    switch (storage.type) {
        case 'AzureBlob':
            return [['Type', 'Azure Blob Storage'], ['Endpoint', storage.endpoint], ['Account', storage.accountName],
                ['Container', storage.container]];
        case 'S3':
            return [['Type', 'S3'], ['Endpoint', storage.endpoint], ['Region', storage.region], ['Bucket', storage.bucket],
                ['Access key ID', storage.accessKeyId]];
        default:
            return [['Type', 'The server\'s store directory']];
    }
}

// ---- a vault and its customer-managed key ----------------------------------------------------------

/** The last probe of the key in force, as one line: its status, what it found, when. */
function keyHealth(health) {
    if (!health) {
        return 'Not probed yet';
    }
    const found = health.warnings.length ? ': ' + health.warnings.join('; ') : '';
    return health.status + found + ' (checked ' + health.checkedAt + ')';
}

let shownVault = null;

async function showVault(name) {
    show('vault-view');
    for (const id of ['identity-result', 'setup-result', 'item-form-result']) {
        $(id).replaceChildren();
    }
    applyRoles($('vault-view'));
    delete $('key-picker').dataset.vault;
    await reloadVault(name, true);
    await Promise.all([showItems(name), loadDiskEncryptionSets($('item-des'))]);
}

/**
 * Reads the vault again and shows it; results of earlier actions stay. The key set-up opens by itself for a
 * vault on platform keys ({@code first}: when the page opens); its key candidates are read only while it is
 * open — each listing of a key vault is a key use, in the activity log.
 */
async function reloadVault(name, first = false) {
    const routeId = currentRoute;
    const vault = await api(vaultPath(name));
    if (routeId !== currentRoute) {
        return;
    }
    shownVault = vault;
    const encryption = vault.encryption;
    $('vault-title').textContent = 'Vault ' + vault.name;
    details($('vault-encryption'), [
        ['Encryption at rest', encryption.encryptionAtRestType], ['Key URI', encryption.keyUri],
        ['Key vault subscription', encryption.subscriptionId], ['Last update status', encryption.lastUpdateStatus],
        ['Infrastructure encryption', encryption.infrastructureEncryptionState],
        ['Active key version', encryption.activeKeyVersion],
        ['Automatic rotation', encryption.autoRotation ? 'On (follows the newest key version)' : 'Off'],
        ['Key health', keyHealth(encryption.keyHealth)]]);
    details($('vault-identity'), [['Type', vault.identity.type], ['Principal id', vault.identity.principalId],
        ['Tenant', vault.identity.tenantId], ['Region', vault.region], ['Subscription', vault.subscriptionId],
        ['Resource group', vault.resourceGroup]]);
    details($('vault-storage'), storageDetails(vault.storage));
    $('vault-jobs-link').href = '#/jobs?vault=' + enc(vault.name);
    $('vault-activity-link').href = '#/vaults/' + enc(vault.name) + '/activity';

    const identityOn = vault.identity.type === 'SystemAssigned';
    $('setup-identity-state').textContent = identityOn
        ? 'On: principal ' + vault.identity.principalId + '. Key vaults grant keys to this principal.'
        : 'Off. A customer-managed key is used by the vault\'s identity: switch it on first.';
    $('identity-on-control').hidden = identityOn;
    $('identity-off-control').hidden = !identityOn;
    const firstSetUp = encryption.encryptionAtRestType === 'PlatformManaged';
    const infrastructure = $('infrastructure-encryption');
    infrastructure.checked = encryption.infrastructureEncryptionState === 'Enabled';
    deny(infrastructure, firstSetUp ? null : 'Chosen at the first set-up (' + encryption.infrastructureEncryptionState + '): it cannot change.');
    $('infrastructure-hint').textContent = firstSetUp ? 'Chosen once: it cannot be changed after this first key assignment.' : '';
    $('setup-submit').textContent = firstSetUp ? 'Assign the key' : 'Change the key';
    $('setup-summary').textContent = firstSetUp ? 'Set up the customer-managed key' : 'Change the key';
    if (first) {
        $('setup').open = firstSetUp;
    }
    if ($('setup').open) {
        await showKeyCandidates(vault);
    }
}

/** The set-up opened by the user: its key candidates, unless they were read already. */
function setupToggled() {
    if ($('setup').open && shownVault && $('key-picker').dataset.vault !== shownVault.name) {
        showKeyCandidates(shownVault).catch(failed);
    }
}

async function setIdentity(type) {
    const button = type === 'None' ? $('identity-off') : $('identity-on');
    if (type === 'None' && !confirmed('Switch the identity of vault ' + shownVault.name + ' off? Key vaults will no longer know it.')) {
        return;
    }
    await act(button, $('identity-result'), async () => {
        const identity = await api(vaultPath(shownVault.name) + '/identity', 'PUT', {type});
        await reloadVault(shownVault.name);
        $('identity-result').replaceChildren(el('p', type === 'None' ? 'The identity is off.'
            : 'The identity is on: principal ' + identity.principalId + '.', {class: 'done'}));
    });
}

/** The key picker: every key vault, its keys and versions as the signed-in user may list them, judged for this vault. */
async function showKeyCandidates(vault) {
    const picker = $('key-picker');
    picker.dataset.vault = vault.name;
    let candidates;
    try {
        candidates = await api(vaultPath(vault.name) + '/keyCandidates');
    } catch (error) {
        refuseIn(picker, error);
        return;
    }
    picker.replaceChildren();
    if (!candidates.principalId) {
        picker.append(el('p', 'Switch the vault\'s identity on (step 1): which key vaults grant it what is shown then.', {class: 'hint'}));
    }
    if (candidates.keyVaults.length === 0) {
        picker.append(el('p', 'No key vaults yet: create one on the Key vaults page.', {class: 'hint'}));
    }
    // Key vaults that can hold the vault's key first, then those refused for it (region, protection), then in one
    // group those whose keys the user may not list.
    const listed = candidates.keyVaults.filter(keyVault => !keyVault.listRefusal);
    for (const keyVault of [...listed].sort((a, b) => (a.refusal ? 1 : 0) - (b.refusal ? 1 : 0))) {
        picker.append(keyVaultCandidate(candidates, keyVault));
    }
    const unlisted = candidates.keyVaults.filter(keyVault => keyVault.listRefusal);
    if (unlisted.length) {
        picker.append(unlistedKeyVaults(unlisted));
    }
    applyRoles(picker);
}

function unlistedKeyVaults(unlisted) {
    const group = el('fieldset', null, {class: 'key-vault ineligible', id: 'unlisted-key-vaults'});
    group.append(el('legend', unlisted.length + (unlisted.length === 1 ? ' key vault' : ' key vaults') + ' whose keys you may not list'));
    group.append(refusal({code: unlisted[0].listRefusal.code, message: 'No access policy grants your principal \'list\' in '
            + (unlisted.length === 1 ? 'this key vault' : 'these key vaults') + ' (no role does); an admin can grant it on the key vault\'s page.'},
        false));
    const list = el('ul', null, {class: 'key-vault-names'});
    for (const keyVault of unlisted) {
        list.append(el('li', keyVault.name + ' — ' + keyVault.region, {'data-key-vault': keyVault.name}));
    }
    group.append(list);
    return group;
}

function keyVaultCandidate(candidates, keyVault) {
    const group = el('fieldset', null, {class: 'key-vault' + (keyVault.refusal ? ' ineligible' : ''), 'data-key-vault': keyVault.name});
    group.append(el('legend', 'Key vault ' + keyVault.name + ' — ' + keyVault.region + ', subscription ' + keyVault.subscriptionId));
    if (keyVault.refusal) {
        group.append(refusal(keyVault.refusal, false));
    }
    if (keyVault.permissionsRefusal) {
        group.append(refusal(keyVault.permissionsRefusal, false));
        const grant = el('button', 'Grant the vault\'s identity ' + keyVault.missingPermissions.join(', ') + ' here',
            {type: 'button', class: 'grant', 'data-need': 'admin', id: 'grant-' + keyVault.name});
        grant.addEventListener('click', () => grantIdentity(grant, candidates, keyVault));
        group.append(grant);
    }
    if (keyVault.keys.length === 0) {
        group.append(el('p', 'No keys in this key vault.', {class: 'hint'}));
    }
    for (const key of keyVault.keys) {
        group.append(keyChoices(keyVault, key));
    }
    return group;
}

/** One key: "always the newest version" (versionless, automatic rotation), then each version to pin, newest first. */
function keyChoices(keyVault, key) {
    const table = el('table', null, {class: 'key-choices', 'data-key': key.name});
    table.append(el('caption', 'Key ' + key.name));
    const head = el('tr');
    for (const title of ['Choice', 'Type', 'Enabled', 'Expires (UTC)', 'Eligible']) {
        head.append(el('th', title, {scope: 'col'}));
    }
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    const newest = key.versions[0];
    body.append(choiceRow(keyVault, key.keyUri, 'Always the newest version (automatic rotation)', newest,
        keyVault.refusal || newest?.refusal, 'versionless'));
    for (const version of key.versions) {
        body.append(choiceRow(keyVault, version.kid, 'Pin version ' + version.version, version,
            keyVault.refusal || version.refusal, 'pinned'));
    }
    table.append(thead, body);
    return table;
}

function choiceRow(keyVault, uri, text, version, why, kind) {
    const id = 'choice-' + Math.random().toString(36).slice(2);
    const row = el('tr', null, {class: why ? 'ineligible' : '', 'data-kind': kind});
    const radio = el('input', null, {type: 'radio', name: 'key-choice', id, value: uri,
        'data-subscription': keyVault.subscriptionId || ''});
    radio.disabled = !!why;
    const choice = el('td');
    choice.append(radio, el('label', ' ' + text, {for: id}));
    const eligible = el('td');
    eligible.append(why ? refusal(why, false) : el('span', 'Yes', {class: 'done'}));
    row.append(choice, el('td', version ? version.kty + ' ' + version.keySize : ''),
        el('td', version ? (version.enabled ? 'Yes' : 'No') : ''), el('td', version ? formatTime(version.expires) : ''), eligible);
    return row;
}

/** The missing access-policy grant, in one click: the identity's policy becomes what it had plus the four. */
async function grantIdentity(button, candidates, keyVault) {
    await act(button, $('setup-result'), async () => {
        const permissions = [...new Set([...keyVault.identityPermissions, ...KEY_PERMISSIONS])];
        await api('/api/keyvaults/' + enc(keyVault.name) + '/accessPolicies/' + enc(candidates.principalId), 'PUT',
            {permissions: {keys: permissions}});
        await reloadVault(shownVault.name);
        $('setup-result').replaceChildren(el('p', 'Key vault ' + keyVault.name + ' now grants the vault\'s identity '
            + permissions.join(', ') + '.', {class: 'done'}));
    });
}

async function assignKey(event) {
    event.preventDefault();
    const vault = shownVault;
    await act($('setup-submit'), $('setup-result'), async () => {
        const body = chosenKey();
        if (vault.encryption.encryptionAtRestType === 'PlatformManaged') {
            body.infrastructureEncryption = $('infrastructure-encryption').checked ? 'Enabled' : 'Disabled';
        }
        const job = await api(vaultPath(vault.name) + '/encryption', 'PUT', body);
        watchJob($('setup-result'), job, () => reloadVault(vault.name).catch(failed));
    });
}

/** The key of the form: the picked one (with its key vault's subscription) or the typed URI. */
function chosenKey() {
    if ($('key-source-uri').checked) {
        return {keyUri: $('key-uri').value.trim(), keyVaultSubscriptionId: $('key-subscription').value.trim()};
    }
    const picked = document.querySelector('input[name=key-choice]:checked');
    if (!picked) {
        throw new ApiError(400, {code: 'BadRequest', message: 'Pick a key (its newest version, or a version to pin), or enter a key URI.',
            target: 'keyUri'});
    }
    return {keyUri: picked.value, keyVaultSubscriptionId: picked.dataset.subscription};
}

function keySourceChanged() {
    const typed = $('key-source-uri').checked;
    $('key-picker').hidden = typed;
    $('key-uri-fields').hidden = !typed;
}

// ---- protected items -----------------------------------------------------------------------------

async function showItems(vaultName) {
    const items = (await api(vaultPath(vaultName) + '/items')).value;
    const body = $('items-body');
    body.replaceChildren();
    if (items.length === 0) {
        body.append(emptyRow(5, 'No protected items yet.'));
    }
    for (const item of items) {
        const row = el('tr', null, {'data-item': item.name});
        const name = el('td');
        name.append(el('a', item.name, {href: '#/vaults/' + enc(vaultName) + '/items/' + enc(item.name)}));
        row.append(name, el('td', item.workloadType), el('td', item.protectionState), el('td', formatTime(item.lastBackupTime)),
            el('td', item.lastBackupStatus || ''));
        body.append(row);
    }
}

async function registerItem(event) {
    event.preventDefault();
    const vault = shownVault.name;
    const name = $('item-name').value.trim();
    const workload = $('item-workload').value;
    const source = workload === 'PostgreSQL'
        ? {jdbcUrl: $('item-jdbc').value.trim(), user: $('item-user').value.trim()}
        : {path: $('item-path').value.trim()};
    if (workload === 'PostgreSQL' && $('item-password').value) {
        source.password = $('item-password').value;
    }
    if (workload === 'Disk' && $('item-des').value) {
        source.diskEncryptionSetId = $('item-des').value;
    }
    const body = {workloadType: workload, source};
    const policy = {};
    if ($('item-schedule').value.trim()) {
        policy.schedule = $('item-schedule').value.trim();
    }
    if ($('item-retention').value) {
        policy.retentionDays = Number($('item-retention').value);
    }
    if ($('item-instant').value) {
        policy.instantRestoreDays = Number($('item-instant').value);
    }
    if (Object.keys(policy).length) {
        body.policy = policy;
    }
    $('item-password').value = '';
    await act($('item-register'), $('item-form-result'), async () => {
        await api(vaultPath(vault) + '/items/' + enc(name), 'PUT', body);
        const link = el('a', name, {href: '#/vaults/' + enc(vault) + '/items/' + enc(name)});
        const done = el('p', 'Registered item ', {class: 'done'});
        done.append(link, '.');
        $('item-form-result').replaceChildren(done);
        await showItems(vault);
    });
}

// ---- an item: backups, recovery points, restores -------------------------------------------------

let shownItem = null;
let chosenPoint = null;

function itemPath(item) {
    return vaultPath(item.vault) + '/items/' + enc(item.name);
}

async function showItem(vaultName, itemName, params) {
    show('item-view');
    $('restore-form').hidden = true;
    for (const id of ['item-result', 'point-result']) {
        $(id).replaceChildren();
    }
    await reloadItem(vaultName, itemName);
    $('points-from').value = (params.get('from') || '').slice(0, 10);
    $('points-to').value = (params.get('to') || '').slice(0, 10);
    showWorkloadFields($('restore-form'), shownItem.workloadType);
    applyRoles($('item-view'));
    await Promise.all([showPoints(params), loadDiskEncryptionSets($('restore-des'))]);
}

/** Reads the item again and shows its properties (after a backup: its protection state and last backup). */
async function reloadItem(vaultName, itemName) {
    const item = await api(vaultPath(vaultName) + '/items/' + enc(itemName));
    shownItem = item;
    $('item-title').textContent = 'Item ' + item.name + ' in vault ' + item.vault;
    $('item-back').href = '#/vaults/' + enc(item.vault);
    $('item-back').textContent = '← Vault ' + item.vault;
    const source = item.source;
    details($('item-details'), [['Workload', item.workloadType],
        ['Source', source.path || source.jdbcUrl || [source.host, source.port, source.database].filter(Boolean).join(' ')],
        ['Source disk encryption set', source.diskEncryptionSetId], ['Database user', source.user],
        ['Schedule (UTC)', item.policy?.schedule], ['Retention days', item.policy?.retentionDays],
        ['Instant-restore days', item.policy?.instantRestoreDays], ['Protection', item.protectionState],
        ['Last backup (UTC)', formatTime(item.lastBackupTime)], ['Last backup status', item.lastBackupStatus]]);
}

async function showPoints(params) {
    const item = shownItem;
    const query = new URLSearchParams();
    for (const name of ['from', 'to']) {
        if (params.get(name)) {
            query.set(name, params.get(name));
        }
    }
    const points = (await api(itemPath(item) + '/recoveryPoints?' + query)).value;
    const body = $('points-body');
    body.replaceChildren();
    if (points.length === 0) {
        body.append(emptyRow(7, 'No recovery points' + (query.toString() ? ' in these dates.' : ' yet: back up now.')));
    }
    for (const point of points) {
        const row = el('tr', null, {'data-point': point.id, 'data-state': point.state, class: 'point state-' + point.state});
        const actions = el('td', null, {class: 'actions'});
        const restore = el('button', 'Restore…', {type: 'button', 'data-need': 'operate', id: 'restore-' + point.id});
        restore.addEventListener('click', () => openRestore(point));
        const verify = el('button', 'Verify', {type: 'button', 'data-need': 'operate', id: 'verify-' + point.id});
        verify.addEventListener('click', () => verifyPoint(verify, point));
        actions.append(restore, ' ', verify);
        const state = el('td', point.state);
        if (point.stateDetails) {
            state.append(el('span', ' ' + point.stateDetails, {class: 'error-message'}));
        }
        row.append(el('td', formatTime(point.time)), el('td', point.type), el('td', point.tiers.join(', ')), state,
            el('td', formatBytes(point.sizeBytes)), el('td', formatBytes(point.newBytes)), actions);
        body.append(row);
    }
    applyRoles(body);
}

function filterPoints(event) {
    event.preventDefault();
    const params = new URLSearchParams();
    if ($('points-from').value) {
        params.set('from', $('points-from').value + 'T00:00:00Z');
    }
    if ($('points-to').value) {
        params.set('to', $('points-to').value + 'T23:59:59Z');
    }
    location.hash = '#/vaults/' + enc(shownItem.vault) + '/items/' + enc(shownItem.name) + (params.toString() ? '?' + params : '');
}

/** The query of the address: the dates the recovery points are shown for. */
function shownParams() {
    return new URLSearchParams(location.hash.split('?')[1] || '');
}

async function backUpNow() {
    const item = shownItem;
    await act($('item-backup'), $('item-result'), async () => {
        const job = await api(itemPath(item) + '/backup', 'POST');
        watchJob($('item-result'), job, () => Promise.all([reloadItem(item.vault, item.name), showPoints(shownParams())]).catch(failed));
    });
}

async function verifyPoint(button, point) {
    await act(button, $('point-result'), async () => {
        const job = await api(itemPath(shownItem) + '/recoveryPoints/' + enc(point.id) + '/verify', 'POST');
        watchJob($('point-result'), job, () => showPoints(shownParams()).catch(failed));
    });
}

function openRestore(point) {
    chosenPoint = point;
    $('restore-title').textContent = 'Restore the point of ' + formatTime(point.time) + ' UTC';
    const tier = $('restore-tier');
    tier.replaceChildren(...point.tiers.map(name => el('option', name, {value: name})));
    tier.value = point.type;
    tierChanged();
    $('restore-form').hidden = false;
    $('point-result').replaceChildren();
    $(shownItem.workloadType === 'PostgreSQL' ? 'restore-database' : 'restore-path').focus();
}

/** SPEC 15: a restore from the Snapshot tier keeps the source disk's set; from the Vault tier the set is chosen. */
function tierChanged() {
    const snapshot = $('restore-tier').value === 'Snapshot';
    deny($('restore-des'), snapshot ? 'A restore from the Snapshot tier keeps the source disk\'s encryption set: choose the Vault tier to pick one.' : null);
    if (snapshot) {
        $('restore-des').value = '';
    }
}

async function restorePoint(event) {
    event.preventDefault();
    const item = shownItem;
    const point = chosenPoint;
    const body = {target: item.workloadType === 'PostgreSQL' ? {database: $('restore-database').value.trim()}
            : {path: $('restore-path').value.trim()}};
    const paths = $('restore-paths').value.split('\n').map(line => line.trim()).filter(Boolean);
    if (item.workloadType === 'Files' && paths.length) {
        body.paths = paths;
    }
    if (item.workloadType === 'Disk') {
        body.recoveryPointTier = $('restore-tier').value;
        if ($('restore-des').value) {
            body.diskEncryptionSetId = $('restore-des').value;
        }
    }
    await act($('restore-submit'), $('point-result'), async () => {
        const job = await api(itemPath(item) + '/recoveryPoints/' + enc(point.id) + '/restore', 'POST', body);
        $('restore-form').hidden = true;
        watchJob($('point-result'), job);
    });
}

function startVaultPages() {
    $('vault-form').addEventListener('submit', createVault);
    $('vault-storage-type').addEventListener('change', showStorageFields);
    $('identity-on').addEventListener('click', () => setIdentity('SystemAssigned'));
    $('identity-off').addEventListener('click', () => setIdentity('None'));
    $('key-source-picker').addEventListener('change', keySourceChanged);
    $('key-source-uri').addEventListener('change', keySourceChanged);
    $('setup-form').addEventListener('submit', assignKey);
    $('setup').addEventListener('toggle', setupToggled);
    $('item-form').addEventListener('submit', registerItem);
    $('item-workload').addEventListener('change', () => showWorkloadFields($('item-form'), $('item-workload').value));
    showWorkloadFields($('item-form'), $('item-workload').value);
    $('item-backup').addEventListener('click', backUpNow);
    $('points-filter').addEventListener('submit', filterPoints);
    $('restore-tier').addEventListener('change', tierChanged);
    $('restore-form').addEventListener('submit', restorePoint);
    $('restore-cancel').addEventListener('click', () => {
        $('restore-form').hidden = true;
    });
}
