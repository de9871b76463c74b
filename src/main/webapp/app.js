// Strongroom's console: the backup-jobs view and job details, vaults with their encryption set-up, protected
// items with their recovery points and restores, key vaults with their keys and access policies, and a vault's
// activity log with its hash-chain verdict. Plain JavaScript, no build step, in three files (this one: calls,
// routing, roles, jobs and the activity log; vaults.js; keyvaults.js). It calls only the public REST API, with
// the same HTTP Basic credentials (kept for this browser tab in sessionStorage, gone on sign-out); every change
// is a JSON request with X-Requested-With, which no page of another site can make the browser send.
'use strict';

const AUTH_KEY = 'strongroom.auth';
const USER_KEY = 'strongroom.user';
const ME_KEY = 'strongroom.me';
const VIEWS = ['login-view', 'jobs-view', 'job-view', 'vaults-view', 'vault-view', 'item-view', 'activity-view',
    'keyvaults-view', 'keyvault-view'];
const FAST_REFRESH_MS = 2000;
const SLOW_REFRESH_MS = 5000;
const JOB_WATCH_MS = 1000;

let refreshTimer = null;
// Bumped on every route change: an answer that arrives for an earlier route (its filters, its job) is dropped
// and schedules nothing, so a live refresh never shows rows of filters that are no longer in force.
let currentRoute = 0;

function $(id) {
    return document.getElementById(id);
}

function el(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
        node.textContent = String(text);
    }
    for (const [name, value] of Object.entries(attributes || {})) {
        node.setAttribute(name, value);
    }
    return node;
}

const TITLES = {'login-view': 'Sign in', 'jobs-view': 'Backup jobs', 'job-view': 'Job', 'vaults-view': 'Vaults', 'vault-view': 'Vault',
    'item-view': 'Protected item', 'activity-view': 'Activity log', 'keyvaults-view': 'Key vaults', 'keyvault-view': 'Key vault'};

function show(view) {
    for (const id of VIEWS) {
        $(id).hidden = id !== view;
    }
    document.title = 'Strongroom — ' + TITLES[view];
    $('nav').hidden = view === 'login-view';
    const me = signedIn();
    $('who').textContent = me ? me.name + ' (' + me.roles.join(', ') + ')' : '';
}

class Unauthorized extends Error {
}

/** A refusal of the API: its code, message and target, as the error body (or a key vault's {"error":{...}}) says. */
class ApiError extends Error {
    constructor(status, body) {
        const error = body.error || body;
        super(error.message || 'HTTP ' + status);
        this.code = error.code || String(status);
        this.target = body.target || null;
        this.status = status;
    }

    toString() {
        return this.code + ': ' + this.message;
    }
}

/**
 * Calls the API: {@code body} (when given) goes as JSON. Answers the parsed body (null for 204). A POST
 * always says Content-Type: application/json, as Strongroom asks of every POST.
 */
async function api(path, method = 'GET', body = undefined) {
    // X-Requested-With: a refusal then comes without the Basic challenge, so no browser login dialog.
    const headers = {'Authorization': 'Basic ' + sessionStorage.getItem(AUTH_KEY), 'Accept': 'application/json',
        'X-Requested-With': 'XMLHttpRequest'};
    if (body !== undefined || method === 'POST') {
        headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    if (response.status === 401) {
        throw new Unauthorized('Wrong user or password');
    }
    if (response.status === 204) {
        return null;
    }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
        throw new ApiError(response.status, answer);
    }
    return answer;
}

// ---- roles ---------------------------------------------------------------------------------------

/** The signed-in user as GET /api/me answered at sign-in: name, roles, principal id; null when signed out. */
function signedIn() {
    return sessionStorage.getItem(AUTH_KEY) ? JSON.parse(sessionStorage.getItem(ME_KEY) || 'null') : null;
}

const NEEDS = {
    admin: {roles: ['admin'], reason: 'Only an admin may do this.'},
    operate: {roles: ['admin', 'operator'], reason: 'Only an admin or an operator may do this.'}
};

function may(need) {
    const me = signedIn();
    return !!me && NEEDS[need].roles.some(role => me.roles.includes(role));
}

/**
 * Disables every control under {@code root} marked {@code data-need} (admin, operate) that the signed-in user's
 * roles do not allow, with the reason beside it; the server refuses such calls anyway.
 */
function applyRoles(root) {
    for (const control of root.querySelectorAll('[data-need]')) {
        deny(control, may(control.dataset.need) ? null : NEEDS[control.dataset.need].reason);
    }
}

/** Disables {@code control} with {@code reason} shown beside it (null: enables it again). */
function deny(control, reason) {
    const id = (control.id || 'control-' + Math.random().toString(36).slice(2)) + '-reason';
    let note = document.getElementById(id);
    control.disabled = !!reason;
    if (!reason) {
        note?.remove();
        control.removeAttribute('aria-describedby');
        return;
    }
    if (!note) {
        note = el('span', null, {id, class: 'reason'});
        if (control.tagName === 'FIELDSET') {
            control.prepend(note);
        } else {
            (control.parentElement.tagName === 'LABEL' ? control.parentElement : control).after(note);
        }
    }
    note.textContent = reason;
    control.setAttribute('aria-describedby', id);
}

// ---- refusals and jobs ---------------------------------------------------------------------------

/** What to do about the refusals a user meets most in these pages. */
const WHAT_TO_DO = {
    Forbidden: 'Your role, or the key vault\'s access policy for your principal, does not allow this: ask an admin.',
    UserErrorKeyVaultPermissionsNotConfigured: 'Grant the vault\'s identity get, list, wrapKey and unwrapKey on the key vault (the grant button in step 2, or an access policy on the key vault\'s page), then assign the key again.',
    UserErrorManagedIdentityNotEnabled: 'Switch the vault\'s identity on (step 1) first.',
    UserErrorKeyVaultRegionMismatch: 'Pick a key vault in the vault\'s region.',
    UserErrorKeyVaultSoftDeleteNotEnabled: 'Turn soft delete on, on the key vault\'s page.',
    UserErrorKeyVaultPurgeProtectionNotEnabled: 'Turn purge protection on, on the key vault\'s page.',
    UserErrorKeyVaultSubscriptionMismatch: 'Give the subscription the key vault is in.',
    UserErrorUnsupportedKeyType: 'Pick an RSA 2048 key.',
    UserErrorKeyDisabled: 'Enable the key version on the key vault\'s page, or pick another.',
    UserErrorKeyExpired: 'Pick a version that has not expired, or rotate the key.',
    UserErrorKeyNotFound: 'Check the key URI: it names no key this server knows.',
    UserErrorVaultHasProtectedItems: 'A customer-managed key is set up before a vault\'s first item: use a new vault.',
    UserErrorIdentityInUse: 'The key in use needs the identity: it stays on.',
    UserErrorCmkCannotBeReverted: 'A vault never goes back to platform keys; change to another key instead.',
    UserErrorInvalidSource: 'Check the source: it must be readable by the server, under its source roots.',
    UserErrorInvalidRestoreTarget: 'Pick a target under the server\'s restore roots.',
    UserErrorRestoreTargetExists: 'Pick a target that does not exist yet.'
};

/** A refusal as the pages show it: its code, its message, and what to do where known; {@code live}: announced at once. */
function refusal(error, live = true) {
    const box = el('p', null, live ? {class: 'refusal', role: 'alert'} : {class: 'refusal'});
    const code = error.code || (error instanceof Unauthorized ? 'Unauthorized' : 'Error');
    box.append(el('span', code, {class: 'error-code'}), el('span', ' ' + error.message, {class: 'error-message'}));
    if (WHAT_TO_DO[code]) {
        box.append(el('span', ' ' + WHAT_TO_DO[code], {class: 'what-to-do'}));
    }
    return box;
}

/** Shows {@code error} in {@code container} (a refusal), or signs out when the credentials are gone. */
function refuseIn(container, error) {
    if (error instanceof Unauthorized) {
        signOut(error.message);
        return;
    }
    container.replaceChildren(refusal(error));
}

/**
 * Watches a job in {@code container} until it ends: its operation, status, progress and — when it fails — its
 * error code with what to do. {@code onEnd(job)} runs once it has ended.
 */
function watchJob(container, job, onEnd) {
    const routeId = currentRoute;
    const box = el('div', null, {class: 'job-watch', 'data-job-id': job.id});
    container.replaceChildren(box);
    const render = current => {
        box.dataset.status = current.status;
        box.className = 'job-watch status-' + current.status;
        box.replaceChildren(el('strong', current.operation + ': '), el('span', current.status, {class: 'status'}), ' ',
            el('a', 'job details', {href: '#/jobs/' + current.id}));
        if (current.status === 'InProgress') {
            box.append(el('progress', null, {max: '100', value: String(current.progress.percent),
                'aria-label': current.operation + ' progress'}), el('span', ' ' + current.progress.percent + ' %'));
        } else if (current.error) {
            box.append(refusal(current.error));
        } else if (current.warning) {
            box.append(el('p', current.warning, {class: 'warning'}));
        }
    };
    const poll = async current => {
        render(current);
        if (current.status !== 'InProgress') {
            onEnd?.(current);
            return;
        }
        await new Promise(resolve => setTimeout(resolve, JOB_WATCH_MS));
        if (routeId !== currentRoute) {
            return;
        }
        try {
            await poll(await api('/api/jobs/' + encodeURIComponent(current.id)));
        } catch (error) {
            refuseIn(container, error);
        }
    };
    return poll(job);
}

/** Runs {@code action} for a button or form, showing a refusal in {@code result}; the control waits meanwhile. */
async function act(control, result, action) {
    control.setAttribute('aria-busy', 'true');
    const wasDisabled = control.disabled;
    control.disabled = true;
    result.replaceChildren();
    try {
        await action();
    } catch (error) {
        refuseIn(result, error);
    } finally {
        control.disabled = wasDisabled;
        control.removeAttribute('aria-busy');
    }
}

/** An unsafe action's confirmation, in words that say what cannot be undone. */
function confirmed(question) {
    return window.confirm(question);
}

// ---- routing -------------------------------------------------------------------------------------

function route() {
    currentRoute++;
    stopRefresh();
    $('page-error').textContent = '';
    if (!signedIn()) {
        show('login-view');
        $('login-user').focus();
        return;
    }
    const [path, query] = (location.hash.replace(/^#/, '') || '/jobs').split('?');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const params = new URLSearchParams(query || '');
    let run;
    if (parts[0] === 'vaults') {
        run = parts.length === 1 ? showVaults()
            : parts[2] === 'activity' ? showActivity(parts[1])
                : parts[2] === 'items' && parts[3] ? showItem(parts[1], parts[3], params) : showVault(parts[1]);
    } else if (parts[0] === 'keyvaults') {
        run = parts.length === 1 ? showKeyVaults() : showKeyVault(parts[1], params);
    } else {
        run = parts.length > 1 ? showJob(parts[1]) : showJobs(params);
    }
    run.catch(failed);
}

function failed(error) {
    if (error instanceof Unauthorized) {
        signOut(error.message);
        return;
    }
    $('page-error').textContent = error.code ? error.code + ': ' + error.message : error.message;
    console.error(error);
}

function stopRefresh() {
    if (refreshTimer) {
        clearTimeout(refreshTimer);
        refreshTimer = null;
    }
}

// ---- sign in -------------------------------------------------------------------------------------

async function signIn(event) {
    event.preventDefault();
    const user = $('login-user').value;
    sessionStorage.setItem(AUTH_KEY, btoa(unescape(encodeURIComponent(user + ':' + $('login-password').value))));
    sessionStorage.setItem(USER_KEY, user);
    try {
        const me = await api('/api/me');
        sessionStorage.setItem(ME_KEY, JSON.stringify({name: me.name, roles: me.roles, principalId: me.principalId}));
        $('login-error').textContent = '';
        $('login-password').value = '';
        if (location.pathname === '/jobs' && !location.hash) {
            location.hash = '#/jobs';
        }
        route();
    } catch (error) {
        sessionStorage.removeItem(AUTH_KEY);
        $('login-error').textContent = error.message;
    }
}

/** Forgets the credentials of this tab: nothing of the session stays in the browser. */
function signOut(message) {
    sessionStorage.removeItem(AUTH_KEY);
    sessionStorage.removeItem(USER_KEY);
    sessionStorage.removeItem(ME_KEY);
    $('login-error').textContent = message || '';
    route();
}

// ---- jobs ----------------------------------------------------------------------------------------

const FILTERS = ['vault', 'operation', 'status', 'from', 'to'];

function toUtc(localValue) {
    // The time inputs are read as UTC, as every time on these pages is.
    return localValue ? localValue + (localValue.length === 16 ? ':00Z' : 'Z') : '';
}

function fromUtc(isoValue) {
    return isoValue ? isoValue.replace(/Z$/, '').slice(0, 16) : '';
}

function applyFilters(event) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const name of FILTERS) {
        const value = $('filter-' + name).value.trim();
        if (value) {
            params.set(name, name === 'from' || name === 'to' ? toUtc(value) : value);
        }
    }
    location.hash = '#/jobs' + (params.toString() ? '?' + params : '');
}

async function showJobs(params) {
    show('jobs-view');
    for (const name of FILTERS) {
        const value = params.get(name) || '';
        $('filter-' + name).value = name === 'from' || name === 'to' ? fromUtc(value) : value;
    }
    await refreshJobs(params, currentRoute);
}

async function refreshJobs(params, routeId) {
    let jobs;
    try {
        jobs = (await api('/api/jobs?' + params)).value;
    } catch (error) {
        if (routeId === currentRoute) {
            failed(error);
        }
        jobs = null;
    }
    if (routeId !== currentRoute) {
        return;
    }
    if (jobs) {
        $('page-error').textContent = '';
        renderJobs(jobs);
    }
    const running = jobs && jobs.some(job => job.status === 'InProgress');
    $('jobs-refresh').textContent = running ? 'Refreshing every 2 s while jobs run.' : 'Refreshing every 5 s.';
    if (!$('jobs-view').hidden) {
        refreshTimer = setTimeout(() => refreshJobs(params, routeId), running ? FAST_REFRESH_MS : SLOW_REFRESH_MS);
    }
}

function renderJobs(jobs) {
    const body = $('jobs-body');
    body.replaceChildren();
    if (jobs.length === 0) {
        const row = el('tr');
        row.append(el('td', 'No jobs match these filters.', {colspan: '7', class: 'empty'}));
        body.append(row);
    }
    for (const job of jobs) {
        const row = el('tr', null, {'data-job-id': job.id, 'data-status': job.status, 'data-operation': job.operation,
            class: 'job status-' + job.status});
        const link = el('a', job.operation, {href: '#/jobs/' + job.id});
        const operation = el('td');
        operation.append(link);
        row.append(operation, el('td', job.status, {class: 'status'}), el('td', job.vault), el('td', job.item || ''),
            el('td', formatTime(job.startTime)), el('td', formatDuration(job.duration)), progressCell(job));
        body.append(row);
    }
}

function progressCell(job) {
    const cell = el('td', null, {class: 'progress'});
    if (job.error) {
        cell.append(el('span', job.error.code, {class: 'error-code'}), el('span', ' ' + job.error.message, {class: 'error-message'}));
    } else if (job.status === 'InProgress') {
        cell.append(el('progress', null, {max: '100', value: String(job.progress.percent)}),
            el('span', ' ' + job.progress.percent + ' %' + (job.progress.bytesTotal ? ' of ' + formatBytes(job.progress.bytesTotal) : '')));
    } else if (job.warning) {
        cell.append(el('span', job.warning, {class: 'warning'}));
    } else if (job.progress.bytesTotal) {
        cell.textContent = formatBytes(job.progress.bytesTotal);
    }
    return cell;
}

async function showJob(id, routeId = currentRoute) {
    show('job-view');
    const job = await api('/api/jobs/' + encodeURIComponent(id));
    if (routeId !== currentRoute) {
        return;
    }
    $('job-title').textContent = job.operation + ' — ' + job.status;
    details($('job-details'), [
        ['Job id', job.id], ['Operation', job.operation], ['Status', job.status], ['Vault', job.vault],
        ['Item', job.item], ['Requested by', job.requestedBy], ['Started (UTC)', formatTime(job.startTime)],
        ['Ended (UTC)', formatTime(job.endTime)], ['Duration', formatDuration(job.duration)],
        ['Progress', job.progress.percent + ' % (' + formatBytes(job.progress.bytesDone) + ' of ' + formatBytes(job.progress.bytesTotal) + ')'],
        ['Error code', job.error && job.error.code], ['Error message', job.error && job.error.message],
        ['Warning', job.warning]]);
    if (job.status === 'InProgress') {
        refreshTimer = setTimeout(() => showJob(id, routeId).catch(failed), FAST_REFRESH_MS);
    }
}

// ---- activity log --------------------------------------------------------------------------------

async function showActivity(name) {
    show('activity-view');
    $('activity-title').textContent = 'Activity log of vault ' + name;
    $('activity-back').href = '#/vaults/' + encodeURIComponent(name);
    const [records, chain] = await Promise.all([
        api('/api/activitylog?resource=' + encodeURIComponent('vaults/' + name)),
        api('/api/activitylog/verification')]);
    const body = $('activity-body');
    body.replaceChildren();
    for (const record of records.value) {
        const row = el('tr', null, {'data-sequence': String(record.sequence),
            class: record.sequence === chain.firstBrokenSequence ? 'altered' : ''});
        row.append(el('td', record.sequence), el('td', formatTime(record.time)), el('td', record.caller),
            el('td', record.operation), el('td', record.resource), el('td', record.status), el('td', record.details),
            el('td', record.hash.slice(0, 12) + '…', {title: record.hash, class: 'hash'}));
        body.append(row);
    }
    const verdict = $('activity-verdict');
    if (chain.intact) {
        verdict.textContent = 'Chain intact: all ' + chain.records + ' records of the log verify under the chain key, '
            + 'and the log ends where its last written-out head says.';
        verdict.className = 'verdict intact';
    } else {
        verdict.textContent = 'Chain BROKEN' + (chain.firstBrokenSequence ? ' at record #' + chain.firstBrokenSequence : '')
            + ': ' + chain.finding;
        verdict.className = 'verdict broken';
    }
}

// ---- formatting ----------------------------------------------------------------------------------

function details(list, entries) {
    list.replaceChildren();
    for (const [name, value] of entries) {
        list.append(el('dt', name), el('dd', value === null || value === undefined || value === '' ? '—' : value,
            {'data-field': name}));
    }
}

function formatTime(iso) {
    return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, '').replace(/Z$/, '') : '';
}

function formatDuration(iso) {
    const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || '');
    if (!match) {
        return iso || '';
    }
    const [hours, minutes, seconds] = [Number(match[1] || 0), Number(match[2] || 0), Number(match[3] || 0)];
    if (hours) {
        return hours + ' h ' + minutes + ' min';
    }
    return minutes ? minutes + ' min ' + Math.round(seconds) + ' s' : seconds.toFixed(1) + ' s';
}

function formatBytes(bytes) {
    if (!bytes) {
        return '0 B';
    }
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    const power = Math.min(Math.floor(Math.log(bytes) / Math.log(1024)), units.length - 1);
    return (bytes / Math.pow(1024, power)).toFixed(power ? 1 : 0) + ' ' + units[power];
}

// ---- start ---------------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', signIn);
    $('logout').addEventListener('click', () => signOut());
    $('filters').addEventListener('submit', applyFilters);
    $('filter-clear').addEventListener('click', () => {
        location.hash = '#/jobs';
    });
    startVaultPages();
    startKeyVaultPages();
    window.addEventListener('hashchange', route);
    route();
});
