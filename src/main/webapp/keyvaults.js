// Strongroom's console, key vaults: the list and a new key vault; a key vault's properties, soft delete and purge
// protection (irreversible, confirmed), access policies (who has what), keys with their versions, rotation and
// rotation policy, and deleted keys (recover, purge). Keys go through the key vault's Azure-form data plane, where
// the signed-in user's own access policy decides, as for any client: no role passes without one. The pages never
// hold key material: they show public attributes only.
'use strict';

const ALL_KEY_PERMISSIONS = ['get', 'list', 'create', 'update', 'import', 'delete', 'recover', 'purge', 'backup', 'restore',
    'rotate', 'getrotationpolicy', 'setrotationpolicy', 'wrapKey', 'unwrapKey', 'encrypt', 'decrypt', 'sign', 'verify'];

let shownKeyVault = null;
let shownKey = null;

function keyVaultPath(name) {
    return '/api/keyvaults/' + enc(name);
}

/** A time of the data plane (Unix seconds) as the pages show times. */
function formatUnix(seconds) {
    return seconds ? formatTime(new Date(seconds * 1000).toISOString()) : '';
}

function keyNameOf(kid) {
    return kid.split('/keys/')[1].split('/')[0];
}

function button(text, attributes, onClick) {
    const control = el('button', text, {type: 'button', ...attributes});
    control.addEventListener('click', () => onClick(control));
    return control;
}

// ---- key vaults ----------------------------------------------------------------------------------

async function showKeyVaults() {
    show('keyvaults-view');
    applyRoles($('keyvaults-view'));
    const keyVaults = (await api('/api/keyvaults')).value;
    const body = $('keyvaults-body');
    body.replaceChildren();
    if (keyVaults.length === 0) {
        body.append(emptyRow(5, 'No key vaults yet.'));
    }
    for (const keyVault of keyVaults) {
        const row = el('tr', null, {'data-key-vault': keyVault.name});
        const name = el('td');
        name.append(el('a', keyVault.name, {href: '#/keyvaults/' + enc(keyVault.name)}));
        row.append(name, el('td', keyVault.region), el('td', keyVault.subscriptionId),
            el('td', keyVault.softDeleteEnabled ? 'On, ' + keyVault.softDeleteRetentionDays + ' days' : 'Off'),
            el('td', keyVault.purgeProtectionEnabled ? 'On' : 'Off'));
        body.append(row);
    }
}

async function createKeyVault(event) {
    event.preventDefault();
    const name = $('keyvault-name').value.trim();
    await act($('keyvault-create'), $('keyvault-form-result'), async () => {
        await api(keyVaultPath(name), 'PUT', {region: $('keyvault-region').value.trim(),
            subscriptionId: $('keyvault-subscription').value.trim(), resourceGroup: $('keyvault-resource-group').value.trim(),
            softDeleteEnabled: $('keyvault-soft-delete').checked, purgeProtectionEnabled: $('keyvault-purge-protection').checked});
        location.hash = '#/keyvaults/' + enc(name);
    });
}

// ---- a key vault ---------------------------------------------------------------------------------

async function showKeyVault(name) {
    show('keyvault-view');
    $('keyvault-result').replaceChildren();
    $('key-versions').hidden = true;
    shownKey = null;
    await reloadKeyVault(name);
}

/** The signed-in user's key permissions in the key vault shown, as its access policy for the user's principal says. */
function myKeyPermissions() {
    const me = signedIn();
    const policy = shownKeyVault.accessPolicies.find(p => p.principalId === me.principalId);
    return policy ? policy.permissions.keys : [];
}

/** Disables each control marked data-key-permission that the user's access policy here does not grant. */
function applyKeyPermissions(root) {
    const granted = myKeyPermissions();
    for (const control of root.querySelectorAll('[data-key-permission]')) {
        const permission = control.dataset.keyPermission;
        deny(control, granted.includes(permission) ? null : 'Your access policy on this key vault does not grant \''
            + permission + '\' (no role does).');
    }
}

async function reloadKeyVault(name) {
    const keyVault = await api(keyVaultPath(name));
    shownKeyVault = keyVault;
    $('keyvault-title').textContent = 'Key vault ' + keyVault.name;
    details($('keyvault-details'), [['URI', keyVault.uri], ['Region', keyVault.region], ['Subscription', keyVault.subscriptionId],
        ['Resource group', keyVault.resourceGroup],
        ['Soft delete', keyVault.softDeleteEnabled ? 'On: deleted keys are kept ' + keyVault.softDeleteRetentionDays + ' days' : 'Off'],
        ['Purge protection', keyVault.purgeProtectionEnabled ? 'On: no deleted key is purged before its time' : 'Off']]);
    $('keyvault-enable-soft-delete-control').hidden = keyVault.softDeleteEnabled;
    $('keyvault-enable-purge-protection-control').hidden = keyVault.purgeProtectionEnabled;
    const me = signedIn();
    $('keyvault-you').textContent = 'You are principal ' + me.principalId + ': '
        + (myKeyPermissions().length ? 'this key vault grants you ' + myKeyPermissions().join(', ') + '.'
            : 'this key vault grants you no key permissions.');
    showPolicies(keyVault, await principalNames());
    applyRoles($('keyvault-view'));
    applyKeyPermissions($('keyvault-view'));
    await Promise.all([showKeys(), showDeletedKeys()]);
}

async function turnOn(property, question) {
    if (!confirmed(question)) {
        return;
    }
    const control = property === 'softDeleteEnabled' ? $('keyvault-enable-soft-delete') : $('keyvault-enable-purge-protection');
    await act(control, $('keyvault-result'), async () => {
        await api(keyVaultPath(shownKeyVault.name), 'PATCH', {[property]: true});
        await reloadKeyVault(shownKeyVault.name);
    });
}

// ---- access policies -----------------------------------------------------------------------------

/**
 * Who each principal id is, as far as the signed-in user may read it: you, a vault's or a disk encryption set's
 * identity, and — for admins — users and service principals. Unknown ones stay ids.
 */
async function principalNames() {
    const names = new Map();
    const me = signedIn();
    const readable = path => api(path).then(answer => answer.value).catch(() => []);
    const [vaults, sets, users, applications] = await Promise.all([readable('/api/vaults'), readable('/api/diskEncryptionSets'),
        may('admin') ? readable('/api/users') : [], may('admin') ? readable('/api/servicePrincipals') : []]);
    for (const user of users) {
        names.set(user.principalId, 'user ' + user.name);
    }
    for (const application of applications) {
        names.set(application.principalId, 'service principal ' + application.displayName);
    }
    for (const vault of vaults.filter(v => v.identity.principalId)) {
        names.set(vault.identity.principalId, 'identity of vault ' + vault.name);
    }
    for (const set of sets.filter(s => s.identity?.principalId)) {
        names.set(set.identity.principalId, 'identity of disk encryption set ' + set.name);
    }
    names.set(me.principalId, 'you (' + me.name + ')');
    return names;
}

function showPolicies(keyVault, names) {
    const body = $('policies-body');
    body.replaceChildren();
    if (keyVault.accessPolicies.length === 0) {
        body.append(emptyRow(3, 'No access policies: no one may use the keys.'));
    }
    for (const policy of keyVault.accessPolicies) {
        const row = el('tr', null, {'data-principal': policy.principalId});
        const actions = el('td', null, {class: 'actions'});
        actions.append(button('Edit', {'data-need': 'admin', id: 'edit-' + policy.principalId}, () => editPolicy(policy)), ' ',
            button('Remove', {'data-need': 'admin', id: 'remove-' + policy.principalId}, control => removePolicy(control, policy)));
        const who = el('td');
        who.append(el('span', policy.principalId, {class: 'principal'}));
        if (names.has(policy.principalId)) {
            who.append(el('span', ' — ' + names.get(policy.principalId), {class: 'who-is'}));
        }
        row.append(who, el('td', policy.permissions.keys.join(', ')), actions);
        body.append(row);
    }
}

function editPolicy(policy) {
    $('policy-principal').value = policy.principalId;
    for (const box of $('policy-permissions').querySelectorAll('input')) {
        box.checked = policy.permissions.keys.includes(box.value);
    }
    $('policy-principal').focus();
}

async function removePolicy(control, policy) {
    if (!confirmed('Remove every key permission of principal ' + policy.principalId + ' on key vault ' + shownKeyVault.name
        + '? A vault whose identity it is can no longer back up or restore.')) {
        return;
    }
    await act(control, $('keyvault-result'), async () => {
        await api(keyVaultPath(shownKeyVault.name) + '/accessPolicies/' + enc(policy.principalId), 'DELETE');
        await reloadKeyVault(shownKeyVault.name);
    });
}

async function savePolicy(event) {
    event.preventDefault();
    const principal = $('policy-principal').value.trim();
    const keys = [...$('policy-permissions').querySelectorAll('input:checked')].map(box => box.value);
    await act($('policy-save'), $('keyvault-result'), async () => {
        await api(keyVaultPath(shownKeyVault.name) + '/accessPolicies/' + enc(principal), 'PUT', {permissions: {keys}});
        await reloadKeyVault(shownKeyVault.name);
        $('keyvault-result').replaceChildren(el('p', 'Principal ' + principal + ' now holds ' + (keys.join(', ') || 'nothing') + '.', {class: 'done'}));
    });
}

// ---- keys ----------------------------------------------------------------------------------------

function dataPlane(path) {
    return keyVaultPath(shownKeyVault.name) + path;
}

/** A data-plane link as this page reaches it: a key vault's own host form (https://{kv}.{domain}/keys...) by its path form. */
function samePlace(url) {
    return (url.pathname.startsWith('/api/') ? url.pathname : dataPlane(url.pathname)) + url.search;
}

/** Every item of a data-plane list, following its nextLink pages (25 items each, as Azure Key Vault's). */
async function allPages(path) {
    const items = [];
    let next = path;
    while (next) {
        const page = await api(next);
        items.push(...page.value);
        next = page.nextLink ? samePlace(new URL(page.nextLink, location.href)) : null;
    }
    return items;
}

async function showKeys() {
    const body = $('keys-body');
    body.replaceChildren();
    let keys;
    try {
        keys = await allPages(dataPlane('/keys'));
    } catch (error) {
        body.append(emptyRow(5, refusal(error, false)));
        return;
    }
    if (keys.length === 0) {
        body.append(emptyRow(5, 'No keys.'));
    }
    for (const key of keys) {
        const name = keyNameOf(key.kid);
        const row = el('tr', null, {'data-key': name});
        const actions = el('td', null, {class: 'actions'});
        actions.append(button('Versions', {id: 'versions-' + name, 'data-key-permission': 'list'}, () => showVersions(name)), ' ',
            button('Rotate', {id: 'rotate-' + name, 'data-key-permission': 'rotate'}, control => rotateKey(control, name)), ' ',
            button('Delete', {id: 'delete-' + name, 'data-key-permission': 'delete'}, control => deleteKey(control, name)));
        row.append(el('td', name), el('td', key.attributes.enabled ? 'Yes' : 'No'), el('td', formatUnix(key.attributes.exp)),
            el('td', formatUnix(key.attributes.updated)), actions);
        body.append(row);
    }
    applyKeyPermissions(body);
}

async function createKey(event) {
    event.preventDefault();
    const name = $('key-name').value.trim();
    await act($('key-create'), $('keyvault-result'), async () => {
        await api(dataPlane('/keys/' + enc(name) + '/create'), 'POST', {kty: 'RSA', key_size: Number($('key-size').value)});
        $('key-name').value = '';
        await showKeys();
        await showVersions(name);
    });
}

async function rotateKey(control, name) {
    await act(control, $('keyvault-result'), async () => {
        const bundle = await api(dataPlane('/keys/' + enc(name) + '/rotate'), 'POST');
        $('keyvault-result').replaceChildren(el('p', 'Key ' + name + ' has a new version: ' + bundle.key.kid.split('/').pop() + '.', {class: 'done'}));
        await showKeys();
        await showVersions(name);
    });
}

async function deleteKey(control, name) {
    const keyVault = shownKeyVault;
    const kept = keyVault.softDeleteEnabled ? ' It is kept as a deleted key for ' + keyVault.softDeleteRetentionDays
        + ' days, recoverable until then.' : ' Soft delete is off: it is gone at once, with every backup under it.';
    if (!confirmed('Delete key ' + name + '?' + kept)) {
        return;
    }
    await act(control, $('keyvault-result'), async () => {
        await api(dataPlane('/keys/' + enc(name)), 'DELETE');
        $('key-versions').hidden = true;
        await Promise.all([showKeys(), showDeletedKeys()]);
    });
}

async function showVersions(name) {
    shownKey = name;
    const [bundle, versions] = await Promise.all([api(dataPlane('/keys/' + enc(name))).catch(() => null),
        allPages(dataPlane('/keys/' + enc(name) + '/versions'))]);
    $('key-versions').hidden = false;
    $('key-versions-title').textContent = 'Versions of key ' + name;
    $('key-versions-type').textContent = bundle ? bundle.key.kty + ' ' + (bundle.key.n ? atob(bundle.key.n.replace(/-/g, '+')
        .replace(/_/g, '/')).length * 8 : '') + ' — operations: ' + (bundle.key.key_ops || []).join(', ') : '';
    const body = $('versions-body');
    body.replaceChildren();
    const sorted = [...versions].sort((a, b) => b.attributes.created - a.attributes.created);
    for (const version of sorted) {
        const id = version.kid.split('/').pop();
        const row = el('tr', null, {'data-version': id});
        const enabled = version.attributes.enabled;
        const actions = el('td', null, {class: 'actions'});
        actions.append(button(enabled ? 'Disable' : 'Enable', {id: 'toggle-' + id, 'data-key-permission': 'update'},
            control => setEnabled(control, name, id, !enabled)));
        row.append(el('td', id, {class: 'hash'}), el('td', enabled ? 'Yes' : 'No'), el('td', formatUnix(version.attributes.created)),
            el('td', formatUnix(version.attributes.exp)), actions);
        body.append(row);
    }
    applyKeyPermissions($('key-versions'));
    await showRotationPolicy(name);
}

async function setEnabled(control, name, version, enabled) {
    if (!enabled && !confirmed('Disable version ' + version + ' of key ' + name + '? Vaults and disk encryption sets under it can no longer back up or restore until it is enabled again.')) {
        return;
    }
    await act(control, $('keyvault-result'), async () => {
        await api(dataPlane('/keys/' + enc(name) + '/' + enc(version)), 'PATCH', {attributes: {enabled}});
        await Promise.all([showKeys(), showVersions(name)]);
    });
}

// ---- rotation policy -----------------------------------------------------------------------------

function days(duration) {
    const match = /^P(\d+)D$/.exec(duration || '');
    return match ? Number(match[1]) : null;
}

async function showRotationPolicy(name) {
    const current = $('rotation-current');
    let policy;
    try {
        policy = await api(dataPlane('/keys/' + enc(name) + '/rotationpolicy'));
    } catch (error) {
        current.replaceChildren(refusal(error, false));
        return;
    }
    const rotate = (policy.lifetimeActions || []).find(action => action.action.type.toLowerCase() === 'rotate');
    const after = days(rotate?.trigger?.timeAfterCreate);
    const expiry = days(policy.attributes?.expiryTime);
    current.textContent = rotate ? 'Rotates ' + (rotate.trigger.timeAfterCreate ? rotate.trigger.timeAfterCreate + ' after a version is created'
        : rotate.trigger.timeBeforeExpiry + ' before a version expires') + (policy.attributes?.expiryTime
        ? '; new versions expire after ' + policy.attributes.expiryTime : '') + '.' : 'No automatic rotation.';
    $('rotation-days').value = after || '';
    $('rotation-expiry').value = expiry || '';
}

async function saveRotationPolicy(event) {
    event.preventDefault();
    const name = shownKey;
    const after = $('rotation-days').value;
    const expiry = $('rotation-expiry').value;
    const policy = {lifetimeActions: after ? [{trigger: {timeAfterCreate: 'P' + after + 'D'}, action: {type: 'Rotate'}}] : [],
        attributes: expiry ? {expiryTime: 'P' + expiry + 'D'} : {}};
    await act($('rotation-save'), $('keyvault-result'), async () => {
        await api(dataPlane('/keys/' + enc(name) + '/rotationpolicy'), 'PUT', policy);
        await showRotationPolicy(name);
    });
}

// ---- deleted keys --------------------------------------------------------------------------------

async function showDeletedKeys() {
    const body = $('deleted-keys-body');
    body.replaceChildren();
    let deleted;
    try {
        deleted = await allPages(dataPlane('/deletedkeys'));
    } catch (error) {
        body.append(emptyRow(4, refusal(error, false)));
        return;
    }
    if (deleted.length === 0) {
        body.append(emptyRow(4, 'No deleted keys.'));
    }
    for (const key of deleted) {
        const name = keyNameOf(key.kid);
        const row = el('tr', null, {'data-deleted-key': name});
        const actions = el('td', null, {class: 'actions'});
        actions.append(button('Recover', {id: 'recover-' + name, 'data-key-permission': 'recover'}, control => recoverKey(control, name)), ' ',
            button('Purge', {id: 'purge-' + name, 'data-key-permission': 'purge'}, control => purgeKey(control, name)));
        row.append(el('td', name), el('td', formatUnix(key.deletedDate)), el('td', formatUnix(key.scheduledPurgeDate)), actions);
        body.append(row);
    }
    applyKeyPermissions(body);
}

async function recoverKey(control, name) {
    await act(control, $('keyvault-result'), async () => {
        await api(dataPlane('/deletedkeys/' + enc(name) + '/recover'), 'POST');
        await Promise.all([showKeys(), showDeletedKeys()]);
    });
}

async function purgeKey(control, name) {
    if (!confirmed('Purge key ' + name + ' for good? Nothing encrypted under it can ever be opened again.')) {
        return;
    }
    await act(control, $('keyvault-result'), async () => {
        await api(dataPlane('/deletedkeys/' + enc(name)), 'DELETE');
        await showDeletedKeys();
    });
}

function startKeyVaultPages() {
    $('keyvault-form').addEventListener('submit', createKeyVault);
    $('keyvault-enable-soft-delete').addEventListener('click', () => turnOn('softDeleteEnabled',
        'Turn soft delete on for key vault ' + shownKeyVault.name + '? Deleted keys are then kept and recoverable.'));
    $('keyvault-enable-purge-protection').addEventListener('click', () => turnOn('purgeProtectionEnabled',
        'Turn purge protection on for key vault ' + shownKeyVault.name + '? This cannot be undone: no one, not even an admin, '
        + 'can turn it off again or purge a deleted key before its retention ends.'));
    const checks = $('policy-permissions');
    for (const permission of ALL_KEY_PERMISSIONS) {
        const id = 'permission-' + permission;
        const label = el('label', null, {class: 'inline', for: id});
        label.append(el('input', null, {type: 'checkbox', id, value: permission}), ' ' + permission);
        checks.append(label);
    }
    $('policy-form').addEventListener('submit', savePolicy);
    $('key-form').addEventListener('submit', createKey);
    $('rotation-form').addEventListener('submit', saveRotationPolicy);
}
