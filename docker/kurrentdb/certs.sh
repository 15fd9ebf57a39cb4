#!/bin/sh
# KurrentDB's TLS material for docker/compose.yaml, run by its `kurrentdb-certs` job (the
# eventstore/es-gencert-cli image). Idempotent:
#
#   /ca-key  (volume kurrentdb-ca-key; only this job mounts it)  the private authority: ca.crt, ca.key.
#            Made once and KEPT, so the node certificate can be renewed without a new authority (the
#            api and the projector trust the authority, not the node certificate).
#   /certs   (volume kurrentdb-certs; KurrentDB mounts it read-only)  node/node.crt, node/node.key and
#            ca/ca.crt (the authority's certificate alone, as KurrentDB's trusted root).
#   /ca      (volume kurrentdb-ca; the api and the projector mount it)  ca.crt alone.
#
# With no argument: makes what is missing (first start). With `renew`: a new node certificate from the
# kept authority; then restart KurrentDB (docker/README.md):
#
#   docker compose -f docker/compose.yaml --env-file docker/.env run --rm kurrentdb-certs renew
#   docker compose -f docker/compose.yaml --env-file docker/.env restart kurrentdb
#
# Validity periods are es-gencert-cli's defaults (the node certificate: one year). Check them with
# `openssl x509 -noout -enddate -in <file>` on a copy.
set -eu

NAMES="${KURRENTDB_CERT_DNS_NAMES:-kurrentdb,localhost}"
ADDRESSES="${KURRENTDB_CERT_IP_ADDRESSES:-127.0.0.1}"

if [ ! -s /ca-key/ca.crt ] || [ ! -s /ca-key/ca.key ]; then
  # First start, or a volume made before the authority's key was kept (it was deleted then): a new
  # authority, and so a new node certificate signed by it.
  echo "kurrentdb-certs: making a private certificate authority (kept in volume kurrentdb-ca-key)"
  rm -rf /ca-key/new
  es-gencert-cli create-ca -out /ca-key/new
  mv /ca-key/new/ca.crt /ca-key/ca.crt
  mv /ca-key/new/ca.key /ca-key/ca.key
  rm -rf /ca-key/new
  rm -f /certs/node/node.crt
fi

if [ "${1:-}" = "renew" ] || [ ! -s /certs/node/node.crt ]; then
  echo "kurrentdb-certs: signing a node certificate for ${NAMES} ${ADDRESSES}"
  rm -rf /certs/node.new
  es-gencert-cli create-node -ca-certificate /ca-key/ca.crt -ca-key /ca-key/ca.key -out /certs/node.new \
    -dns-names "${NAMES}" -ip-addresses "${ADDRESSES}"
  # Swap in whole, so KurrentDB never sees half a pair; the previous pair is kept beside it until the next renewal.
  rm -rf /certs/node.previous
  if [ -d /certs/node ]; then mv /certs/node /certs/node.previous; fi
  mv /certs/node.new /certs/node
fi

mkdir -p /certs/ca
cp /ca-key/ca.crt /certs/ca/ca.crt
cp /ca-key/ca.crt /ca/ca.crt
# KurrentDB runs as uid 1000; the authority's key stays root's alone.
chown -R 1000:1000 /certs
chown -R 0:0 /ca-key
chmod 0700 /ca-key
chmod 0400 /ca-key/ca.key
chmod 0444 /ca-key/ca.crt /ca/ca.crt /certs/ca/ca.crt /certs/node/node.crt
chmod 0400 /certs/node/node.key
echo "kurrentdb-certs: done"
