#!/bin/sh
# Creates the bucket for Tollgate's artifacts and the MinIO user the worker signs in as, allowed
# that bucket only. Run by the minio-setup service of docker/compose.yaml once MinIO is healthy;
# safe to run again: the bucket is kept, the user's secret and policy are set to the current values.
#
#   MINIO_ROOT_USER / MINIO_ROOT_PASSWORD          MinIO's administrator
#   MINIO_BUCKET                                   bucket name
#   TOLLGATE_S3_ACCESS_KEY / TOLLGATE_S3_SECRET_KEY the worker's user (its AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)
#   MINIO_URL                                      MinIO's S3 endpoint (default: http://minio:9000)
#
# Needs `mc` (the minio/mc image). POSIX sh.
set -eu

: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}" "${MINIO_BUCKET:?}"
: "${TOLLGATE_S3_ACCESS_KEY:?}" "${TOLLGATE_S3_SECRET_KEY:?}"
url=${MINIO_URL:-http://minio:9000}
policy=tollgate-artifacts

say() { echo "minio-setup: $*"; }

tries=0
until mc alias set store "$url" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 30 ]; then
    say "cannot sign in to $url as $MINIO_ROOT_USER" >&2
    mc alias set store "$url" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >&2 || true
    exit 1
  fi
  sleep 2
done

mc mb --ignore-existing "store/$MINIO_BUCKET"

policy_file=$(mktemp)
trap 'rm -f "$policy_file"' EXIT
cat >"$policy_file" <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
      "Resource": ["arn:aws:s3:::$MINIO_BUCKET"]
    },
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                 "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      "Resource": ["arn:aws:s3:::$MINIO_BUCKET/*"]
    }
  ]
}
JSON
mc admin policy create store "$policy" "$policy_file"
# Adds the user, or sets the secret of an existing one.
mc admin user add store "$TOLLGATE_S3_ACCESS_KEY" "$TOLLGATE_S3_SECRET_KEY"
if mc admin user info store "$TOLLGATE_S3_ACCESS_KEY" | grep -q "$policy"; then
  say "user $TOLLGATE_S3_ACCESS_KEY already has policy $policy"
else
  mc admin policy attach store "$policy" --user "$TOLLGATE_S3_ACCESS_KEY"
fi
say "bucket $MINIO_BUCKET ready for user $TOLLGATE_S3_ACCESS_KEY"
