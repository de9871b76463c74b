// Strongroom's pages: the backup-jobs view, job details, vaults with their encryption properties, and a
// vault's activity log with its hash-chain verdict. Plain JavaScript, no build step. It calls only the
// public REST API, with the same HTTP Basic credentials (kept for this browser tab in sessionStorage).
'use strict';

const AUTH_KEY = 'strongroom.auth';
const USER_KEY = 'strongroom.user';
const VIEWS = ['login-view', 'jobs-view', 'job-view', 'vaults-view', 'vault-view', 'activity-view'];
const FAST_REFRESH_MS = 2000;
const SLOW_REFRESH_MS = 5000;

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

function show(view) {
    for (const id of VIEWS) {
        $(id).hidden = id !== view;
    }
    $('nav').hidden = view === 'login-view';
    $('who').textContent = sessionStorage.getItem(USER_KEY) || '';
}

class Unauthorized extends Error {
}

async function api(path) {
    const response = await fetch(path, {
        // X-Requested-With: a refusal then comes without the Basic challenge, so no browser login dialog.
        headers: {'Authorization': 'Basic ' + sessionStorage.getItem(AUTH_KEY), 'Accept': 'application/json',
            'X-Requested-With': 'XMLHttpRequest'}
    });
    if (response.status === 401) {
        throw new Unauthorized('Wrong user or password');
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
        throw new Error((body.code || response.status) + ': ' + (body.message || response.statusText));
    }
    return body;
}

// ---- routing -------------------------------------------------------------------------------------

function route() {
    currentRoute++;
    stopRefresh();
    $('page-error').textContent = '';
    if (!sessionStorage.getItem(AUTH_KEY)) {
        show('login-view');
        $('login-user').focus();
        return;
    }
    const [path, query] = (location.hash.replace(/^#/, '') || '/jobs').split('?');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const params = new URLSearchParams(query || '');
    const run = parts[0] === 'vaults'
        ? (parts.length === 1 ? showVaults() : parts[2] === 'activity' ? showActivity(parts[1]) : showVault(parts[1]))
        : (parts.length > 1 ? showJob(parts[1]) : showJobs(params));
    run.catch(failed);
}

function failed(error) {
    if (error instanceof Unauthorized) {
        signOut(error.message);
        return;
    }
    $('page-error').textContent = error.message;
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
        await api('/api/vaults');
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

function signOut(message) {
    sessionStorage.removeItem(AUTH_KEY);
    sessionStorage.removeItem(USER_KEY);
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

// ---- vaults --------------------------------------------------------------------------------------

async function showVaults() {
    show('vaults-view');
    const vaults = (await api('/api/vaults')).value;
    const body = $('vaults-body');
    body.replaceChildren();
    for (const vault of vaults) {
        const row = el('tr', null, {'data-vault': vault.name});
        const name = el('td');
        name.append(el('a', vault.name, {href: '#/vaults/' + encodeURIComponent(vault.name)}));
        row.append(name, el('td', vault.region), el('td', vault.encryption.encryptionAtRestType),
            el('td', vault.encryption.lastUpdateStatus));
        body.append(row);
    }
}

/** The last probe of the key in force, as one line: its status, what it found, when. */
function keyHealth(health) {
    if (!health) {
        return 'Not probed yet';
    }
    const found = health.warnings.length ? ': ' + health.warnings.join('; ') : '';
    return health.status + found + ' (checked ' + health.checkedAt + ')';
}

async function showVault(name) {
    show('vault-view');
    const vault = await api('/api/vaults/' + encodeURIComponent(name));
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
    $('vault-jobs-link').href = '#/jobs?vault=' + encodeURIComponent(vault.name);
    $('vault-activity-link').href = '#/vaults/' + encodeURIComponent(vault.name) + '/activity';
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
    window.addEventListener('hashchange', route);
    route();
});
