#!/usr/bin/env bash
# Translation checks (meson test --suite i18n).
#
#   check-po.sh potfiles      every src/ file with translatable strings is listed in po/POTFILES.in,
#                             and every file listed there exists
#   check-po.sh complete      every message of the current sources is translated, and none is fuzzy,
#                             in every po/<lang>.po named in po/LINGUAS
#   check-po.sh format        msgfmt --check (format strings, header, domain) passes for every .po
#   check-po.sh               all three
#
# RCRM_SOURCE_ROOT is the repository root (meson sets it; defaults to ../.. from this script).
# Exit status: 0 pass, 1 fail, 77 skip (a gettext tool is missing).
set -uo pipefail

root=${RCRM_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || { echo "check-po: cannot enter source root '$root'" >&2; exit 1; }

potfiles=po/POTFILES.in
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rcrm-check-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The keywords and flags of meson's i18n 'glib' preset (po/meson.build), so this check extracts
# exactly what `ninja rcrm-pot` extracts.
xgettext_args=(
  --package-name=rcrm --from-code=UTF-8 --add-comments -k_
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format --flag=g_print:1:c-format
  --flag=g_printerr:1:c-format --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format
  --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format
)

# A file "has translatable strings" when it contains one of these (extended regex).
translatable_re='(^|[^[:alnum:]_])(N|C|NC|Q)?_ ?\(|(^|[^[:alnum:]_])(g_d|g_dc|d|dc|n|dn|dcn|g_dp|p)?n?gettext2? ?\(|translatable="(yes|true|1)"'

need() {
  local tool
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "SKIP: $tool not found (Debian package gettext)" >&2
      exit 77
    fi
  done
}

# Prints the entries of a POTFILES-style list (comments and blank lines dropped).
list_entries() {
  [ -f "$1" ] || return 0
  sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$1" | grep -v '^$'
}

# Prints the languages of po/LINGUAS.
linguas() {
  list_entries po/LINGUAS | tr -s ' \t' '\n' | grep -v '^$'
}

check_potfiles() {
  local status=0 f missing=() absent=()

  if [ ! -f "$potfiles" ]; then
    echo "FAIL: $potfiles does not exist" >&2
    return 1
  fi
  list_entries "$potfiles" | sort -u >"$tmp/listed"
  list_entries po/POTFILES.skip | sort -u >"$tmp/skipped"

  # Files under src/ with translatable strings.
  find src -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \) -print 2>/dev/null \
    | sort >"$tmp/sources"
  while IFS= read -r f; do
    if grep -Eq "$translatable_re" "$f" \
       && ! grep -qxF "$f" "$tmp/listed" && ! grep -qxF "$f" "$tmp/skipped"; then
      missing+=("$f")
    fi
  done <"$tmp/sources"

  while IFS= read -r f; do
    [ -f "$f" ] || absent+=("$f")
  done <"$tmp/listed"

  if [ "${#missing[@]}" -gt 0 ]; then
    echo "FAIL: ${#missing[@]} file(s) with translatable strings are missing from $potfiles:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    echo "  Add each path (relative to the repository root) on its own line to $potfiles." >&2
    status=1
  fi
  if [ "${#absent[@]}" -gt 0 ]; then
    echo "FAIL: $potfiles lists ${#absent[@]} file(s) that do not exist:" >&2
    printf '  %s\n' "${absent[@]}" >&2
    status=1
  fi
  if [ "$status" -eq 0 ]; then
    echo "ok: $(wc -l <"$tmp/listed") file(s) in $potfiles; every src/ file with translatable strings is listed"
  fi
  return "$status"
}

# Extracts the template from POTFILES.in into $tmp/rcrm.pot.
make_pot() {
  if ! xgettext "${xgettext_args[@]}" -f "$potfiles" -D "$root" -o "$tmp/rcrm.pot" 2>"$tmp/xgettext.err"; then
    echo "FAIL: xgettext could not extract the messages of $potfiles:" >&2
    sed 's/^/  /' "$tmp/xgettext.err" >&2
    return 1
  fi
  # xgettext writes no file when there is no message at all.
  if [ ! -f "$tmp/rcrm.pot" ]; then
    echo "FAIL: xgettext found no translatable message in the files of $potfiles" >&2
    return 1
  fi
}

check_complete() {
  local status=0 lang po merged stats untranslated fuzzy

  make_pot || return 1
  if [ -z "$(linguas)" ]; then
    echo "FAIL: po/LINGUAS names no language" >&2
    return 1
  fi

  for lang in $(linguas); do
    po=po/$lang.po
    if [ ! -f "$po" ]; then
      echo "FAIL: po/LINGUAS names '$lang' but $po does not exist" >&2
      status=1
      continue
    fi

    merged=$tmp/$lang.po
    # --no-fuzzy-matching: a new message must show up as untranslated, not as a guessed translation.
    if ! msgmerge --quiet --no-fuzzy-matching -o "$merged" "$po" "$tmp/rcrm.pot" 2>"$tmp/msgmerge.err"; then
      echo "FAIL: msgmerge could not merge $po with the current sources:" >&2
      sed 's/^/  /' "$tmp/msgmerge.err" >&2
      status=1
      continue
    fi

    stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$merged" 2>&1)
    msgattrib --untranslated --no-obsolete --no-wrap "$merged" >"$tmp/untranslated" 2>/dev/null
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" >"$tmp/fuzzy" 2>/dev/null
    # Counts from msgfmt's statistics ("N translated messages, M fuzzy translations, K untranslated messages.").
    untranslated=$(sed -n 's/.* \([0-9][0-9]*\) untranslated message.*/\1/p' <<<"$stats")
    fuzzy=$(sed -n 's/.* \([0-9][0-9]*\) fuzzy translation.*/\1/p' <<<"$stats")
    untranslated=${untranslated:-0}
    fuzzy=${fuzzy:-0}
    # The header entry (the first one) must not be fuzzy: msgfmt would then ignore its charset.
    if awk 'NF == 0 { exit } { print }' "$po" | grep -q '^#,.*fuzzy'; then
      echo "FAIL: the header of $po is marked fuzzy; remove its '#, fuzzy' line" >&2
      status=1
    fi

    if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
      echo "FAIL: $po is not complete against the current sources ($stats)" >&2
      if [ "$untranslated" -gt 0 ]; then
        echo "  $untranslated untranslated message(s):" >&2
        grep -E '^(#:|msgid|msgctxt|msgid_plural)' "$tmp/untranslated" | tail -n +2 | sed 's/^/    /' >&2
      fi
      if [ "$fuzzy" -gt 0 ]; then
        echo "  $fuzzy fuzzy message(s) (check the translation, then remove the '#, fuzzy' line):" >&2
        grep -E '^(#:|msgid|msgctxt|msgid_plural|msgstr)' "$tmp/fuzzy" | tail -n +3 | sed 's/^/    /' >&2
      fi
      echo "  Update it with: ninja -C build rcrm-pot rcrm-update-po, then translate $po." >&2
      status=1
    else
      echo "ok: $po: $stats"
    fi
  done
  return "$status"
}

check_format() {
  local status=0 lang po
  for lang in $(linguas); do
    po=po/$lang.po
    [ -f "$po" ] || continue
    if ! msgfmt --check-format --check-header --check-domain -o /dev/null "$po" 2>"$tmp/msgfmt.err"; then
      echo "FAIL: msgfmt --check-format --check-header --check-domain rejects $po:" >&2
      sed 's/^/  /' "$tmp/msgfmt.err" >&2
      status=1
    else
      echo "ok: $po passes msgfmt --check-format --check-header --check-domain"
    fi
  done
  for po in po/*.po; do
    [ -f "$po" ] || continue
    lang=$(basename "$po" .po)
    if ! linguas | grep -qxF "$lang"; then
      echo "FAIL: $po exists but '$lang' is not in po/LINGUAS (it would not be built)" >&2
      status=1
    fi
  done
  return "$status"
}

mode=${1:-all}
case "$mode" in
  potfiles) check_potfiles ;;
  complete) need xgettext msgmerge msgattrib msgfmt; check_complete ;;
  format)   need msgfmt; check_format ;;
  all)
    need xgettext msgmerge msgattrib msgfmt
    rc=0
    check_potfiles || rc=1
    check_complete || rc=1
    check_format || rc=1
    exit "$rc"
    ;;
  *) echo "usage: $0 [potfiles|complete|format|all]" >&2; exit 2 ;;
esac
