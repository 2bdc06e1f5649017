#!/usr/bin/env bash
# Scale figures for BENCHMARKS.md: a demo mesh of N proxies, and meshtop's live view scraping
# all of them every 2 s in tmux. Prints CPU (utime+stime over SECONDS) and RSS of both.
# Usage: scripts/measure-demo.sh N|TOPOLOGY [SECONDS]   (after `make release`; needs tmux and bc)
# N proxies is the topology synthetic:N; a name (emojivoto, booksapp) is that topology.
# MESHTOP_BIN=path measures another build; MESHTOP_ARGS adds flags to the live view.
# MESHTOP_KUBE=1 has the demo serve the Kubernetes API too, and meshtop discover the pods through
# it (--kubeconfig, -A) and scrape them through its pod proxy, instead of reading a targets file.
set -euo pipefail
N=$1; S=${2:-30}
BIN=${MESHTOP_BIN:-$(cd "$(dirname "$0")/.." && pwd)/.build/release/meshtop}
DIR=$(mktemp -d /tmp/meshtop-measure-XXXXXX)
TARGETS=$DIR/targets.json
TOPOLOGY=$N; [[ $N =~ ^[0-9]+$ ]] && TOPOLOGY="synthetic:$N"
if [ "${MESHTOP_KUBE:-}" = 1 ]; then
  DEMO_ARGS=(--kube-api --kubeconfig-out "$DIR/kubeconfig"); READY=$DIR/kubeconfig; SOURCE="--kubeconfig $DIR/kubeconfig -A"
else
  DEMO_ARGS=(); READY=$TARGETS; SOURCE="--targets-file $TARGETS"
fi
"$BIN" demo --topology "$TOPOLOGY" --scenario steady --write-targets "$TARGETS" "${DEMO_ARGS[@]}" 2>/dev/null &
DEMO=$!
for _ in $(seq 300); do [ -s "$READY" ] && break; sleep 0.1; done
tmux new -d -s meshtop-measure -x 120 -y 40 "$BIN --interval 2s ${MESHTOP_ARGS:-} $SOURCE"
trap 'tmux kill-session -t meshtop-measure 2>/dev/null; kill -INT $DEMO 2>/dev/null; rm -rf $DIR' EXIT
sleep 6
MT=$(for p in $(pgrep -f -- "$SOURCE"); do [ "$(cat /proc/$p/comm)" = meshtop ] && echo "$p"; done | head -1)
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }
mb() { awk -v k="$2:" '$1==k {printf "%.1f", $2/1024}' "/proc/$1/status"; }
a1=$(cpu "$MT"); d1=$(cpu "$DEMO"); sleep "$S"; a2=$(cpu "$MT"); d2=$(cpu "$DEMO")
T=$(getconf CLK_TCK)
echo "proxies=$N meshtop: cpu $(echo "scale=1; 100*($a2-$a1)/$T/$S" | bc)% of a core," \
     "per round $(echo "scale=0; 1000*($a2-$a1)/$T/($S/2)" | bc) ms, rss $(mb "$MT" VmRSS) MB (peak $(mb "$MT" VmHWM));" \
     "demo: cpu $(echo "scale=1; 100*($d2-$d1)/$T/$S" | bc)%, rss $(mb "$DEMO" VmRSS) MB"
