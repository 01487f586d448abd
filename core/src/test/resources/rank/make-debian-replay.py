"""Builds a replay (DESIGN.md format) from the Debian changelogs installed on this machine.

Each changelog entry (deduplicated by source package + version) yields up to three events at the
entry's date: changelog.maintainer (hashed), changelog.urgency, changelog.distribution, each with the
other entry fields and the package's section as context."""
import glob, gzip, hashlib, json, re, sys
from email.utils import parsedate_to_datetime

head = re.compile(r'^(\S+) \(([^)]+)\) ([^;]+); .*urgency=(\w+)', re.I)
trail = re.compile(r'^ -- (.+?) <([^>]*)>\s+(.+)$')
section = {}
pkg = None
for line in open('/var/lib/dpkg/status', encoding='utf-8', errors='replace'):
    if line.startswith('Package: '): pkg = line[9:].strip()
    elif line.startswith('Section: ') and pkg: section[pkg] = line[9:].strip()
def h(s): return hashlib.sha256(s.encode()).hexdigest()[:10]
def vkind(v):
    if 'nmu' in v: return 'nmu'
    if '~bpo' in v or 'bpo' in v: return 'backport'
    if re.search(r'deb\d+u\d+', v): return 'stable-update'
    if '-' not in v: return 'native'
    rev = v.rsplit('-', 1)[1]
    return 'first' if rev in ('1', '0.1') else 'revision'
seen = set(); events = []
for f in sorted(glob.glob('/usr/share/doc/*/changelog.Debian.gz')):
    binpkg = f.split('/')[4]
    try: text = gzip.open(f, 'rt', encoding='utf-8', errors='replace').read()
    except Exception: continue
    cur = None
    for line in text.splitlines():
        m = head.match(line)
        if m: cur = m.groups(); continue
        t = trail.match(line)
        if t and cur:
            src, ver, dist, urg = cur; cur = None
            if (src, ver) in seen: continue
            seen.add((src, ver))
            try: ts = parsedate_to_datetime(t.group(3).strip())
            except Exception: continue
            if ts is None or ts.tzinfo is None: continue
            maint = h(t.group(2).lower()); dist = dist.strip().split()[0]; urg = urg.lower()
            sec = section.get(binpkg, 'unknown')
            base = {'package': src, 'section': sec, 'version': vkind(ver)}
            iso = ts.astimezone(__import__('datetime').timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
            events.append((iso, 'changelog.maintainer', dict(base, distribution=dist, urgency=urg), maint))
            events.append((iso, 'changelog.urgency', dict(base, maintainer=maint, distribution=dist), urg))
            events.append((iso, 'changelog.distribution', dict(base, maintainer=maint, urgency=urg), dist))
events.sort(key=lambda e: e[0])
out = gzip.open(sys.argv[1], 'wt', encoding='utf-8')
for ts, k, c, v in events:
    out.write(json.dumps({'ts': ts, 'key': k, 'context': c, 'value': v}, sort_keys=False) + '\n')
out.close()
print(len(events), 'events')
