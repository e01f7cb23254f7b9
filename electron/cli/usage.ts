// The CLI's help text.

export const USAGE = `okta-prep — pull an Okta org into a local cache and export BalkanID upload files

Usage:
  okta-prep pull --org URL [--db FILE] [--include-factors] [--read-every-group]
                 [--token-file FILE | --client-id ID --private-key-file FILE]
                 [--quick | --resume [--snapshot ID]] [--share 0.1..1] [--json]
  okta-prep check --org URL [--token-file FILE | --client-id ID --private-key-file FILE] [--share 0.1..1] [--json]
  okta-prep export [--db FILE] [--snapshot ID] --out DIR [--relations KINDS] [--user-attributes NAMES]
                   [--flatten-group-apps] [--shared-files] [--profile FILE] [--save-profile FILE]
                   [mapping flags: see "okta-prep export --help"] [--json]
  okta-prep validate ENTITIES.csv [RELATIONS.csv] [--json]
  okta-prep check-bundle --dir BUNDLE [--json]
  okta-prep upload --dir BUNDLE --api-key-id ID --api-key-secret-file FILE [--base-url URL] [--json]
  okta-prep snapshots [--db FILE] [--json]
  okta-prep snapshots label ID TEXT [--db FILE]
  okta-prep snapshots delete ID --yes [--db FILE] [--json]
  okta-prep access [--db FILE] [--snapshot ID] [--user ID | --app ID | --group ID] --out FILE.csv [--json]
  okta-prep findings [--db FILE] [--snapshot ID] [--rule ID] [--dormant-days N] [--strong-factors TYPES]
                     [--out FILE.csv] [--json]
  okta-prep diff [--db FILE] A B [--out FILE.csv] [--json]
  okta-prep report [--db FILE] [--snapshot ID] [--compare ID] [--dormant-days N] [--strong-factors TYPES]
                   --out FILE.html [--json]
  okta-prep snapshot export [--db FILE] --id ID --out FILE [--json]
  okta-prep demo [--out DIR] [--db FILE] [--json]
  okta-prep fake-okta [--token-file FILE] [--users N --groups N --apps N --seed S] [--misbehave LIST]
                      [--profile-attribute NAME]... [--port N] [--json]
  okta-prep fake-balkanid [--api-key-id ID] [--api-key-secret-file FILE] [--misbehave LIST] [--port N] [--json]
  okta-prep serve [--db FILE] [--port N] [--static DIR] [--max-upload-bytes SIZE] [--json]

Signing in to Okta, either way (never both):
  API token     from the environment variable OKTA_API_TOKEN or from --token-file FILE, never from the command line.
  OAuth 2.0     --client-id ID --private-key-file FILE: an API Services app with public key/private key client
  service app   authentication; FILE holds its private key (PEM: PKCS#8, PKCS#1 or SEC1; or a private JWK with its kid).
                Grant the app okta.users.read, okta.groups.read, okta.apps.read and okta.roles.read on its
                "Okta API Scopes" tab and assign it an admin role (e.g. Read-Only Administrator). DPoP is handled.
  Token and key files must be readable by you only (chmod 600 FILE) and at most 64 KiB; others are refused.
The org URL may be typed loosely (acme.okta.com, the -admin host,
a copied dashboard link): it is normalised, and https is required except for loopback hosts.

check-bundle checks an export bundle against its manifest.json: each file there, with the size, SHA-256 and row count
            the manifest lists, and no validation errors (exit 1 otherwise)
upload      sends a bundle to BalkanID's bulk API (default https://app.balkan.id; --base-url for another, https only
            except 127.0.0.1): checks it first, then entities, then relations (or entitlements.csv when the bundle has
            no relations file). The API key secret comes from --api-key-secret-file FILE (chmod 600) or the variable
            OKTA_PREP_BALKANID_SECRET, never from the command line. Exit 1 refused bundle, 3 BalkanID/network failure
fake-balkanid serves a fake BalkanID bulk API on 127.0.0.1 for trying upload; it accepts only the key given
            (--api-key-id, default fake-balkanid-key, and the secret as for upload); --misbehave LIST: unauthorized,
            forbidden, server-error-once, rate-limited-once, html-page, hang-url, too-large, storage-error-once,
            expired-url-once, expired-url-always, expired-token-once, reset-upload-once, hang-upload
access      effective access with reasons as CSV (0600): one row per path by which a user holds an app, an admin
            role, a group or a factor (direct, or through group X); --user one user, --app who reaches an app,
            --group what a group grants its members. Reads the latest complete snapshot unless --snapshot ID
findings    runs the audit rules (README lists their ids and severities) on a snapshot; --out writes them as CSV
            (0600) with the ids of the objects involved; --rule ID one rule; --dormant-days N (default 90) for
            dormant-user-access; --strong-factors TYPES (comma-separated Okta factor types) for admin-no-strong-factor
diff        what changed from snapshot A to snapshot B (ids from "okta-prep snapshots"): users added, removed or
            with another status, groups and apps, memberships, app and admin role assignments gained or lost;
            the counts and the first 20 rows of each, every row with --out FILE.csv
report      the audit report of a snapshot as one self-contained HTML file (0600; no script, nothing fetched):
            counts, charts, findings by severity with their objects (the first 50 of each rule) and, with
            --compare ID, what changed from snapshot ID to it; the thresholds are those of findings
snapshot export writes one snapshot to a self-contained file to review on another machine: there --db FILE on
            snapshots, export and diff opens it read-only (a damaged file or one from a newer version is refused)
snapshots label ID TEXT names a snapshot (shown with its org in the app and in "okta-prep snapshots"; "" clears it);
snapshots delete ID --yes deletes a snapshot and gives its space back to the disk (without --yes it only says what
            it would delete); refused while a pull writes it or an unfinished quick refresh builds on it
check       one cheap request per object kind: what can be read, what a missing permission costs, and an
            estimate of a full pull's requests and time (exit 3 when something cannot be read)
demo        runs the whole job on the built-in sample org (no Okta tenant needed)
fake-okta   serves a generated Okta org on 127.0.0.1 (the sample org unless a size is given) until Ctrl-C;
            it accepts only the token in OKTA_API_TOKEN / --token-file; --misbehave LIST (comma-separated) makes it
            act as real orgs and proxies do: rate-limits, strip-rate-limit-headers, odd-values,
            group-stats-absent, repeat-next:LISTING:MODE (e.g. repeat-next:users:same-url);
            --profile-attribute NAME (repeatable) gives every user that custom profile attribute
serve       runs the app's service for the browser build on 127.0.0.1 and prints the URL to open; builds the
            browser app on first use; files checked on the Validate screen may be up to --max-upload-bytes
            (default 2GiB; a number of bytes or e.g. 512MiB)

--quick          pull: a new snapshot built on the latest complete one of the org, listing only users changed since
                 it and members of groups whose membership changed (apps, app assignments, admin roles and factors
                 are always read in full); lists every user again when one was deleted
--read-every-group pull: list the members and admin roles of every group, not only of groups whose counts
                 (expand=stats) say they have some; costs one member and one role listing per group (groups bucket).
                 Groups whose counts are missing are always listed.
--relations      comma-separated: groupMembership,directAppAssignment,groupAppAssignment,userAdminRole,groupAdminRole
--user-attributes comma-separated user metadata keys in the order written (default: the BalkanID list; any other
                 name is read from the profile; "quote" a name holding a comma); --user-attribute NAME adds one as it is
--profile FILE   export: read the choices (the BalkanID mapping, attributes, relations) from a profile file;
                 --save-profile FILE writes the choices in effect. "okta-prep export --help" lists every mapping
                 choice (Source Types, role Source ID prefix, privilegeName, connectionType, metadata keys) with its
                 value and the flag that sets it
--shared-files   export: write the files readable by every user of this computer (0644); by default they are 0600
                 (owner only), and a folder export creates is 0700

Exit codes: 0 success, 1 validation findings that block the upload (or a bundle that fails its check), 2 usage error,
3 Okta/BalkanID/network/auth failure, 4 local failure (disk, database), 5 pull paused at its request cap
(3 × its estimate + 100: Okta may be looping; resume with --resume to allow as many again, or leave it).`;
