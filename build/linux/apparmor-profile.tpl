# AppArmor profile installed by Crossing's deb (Ubuntu 23.10 and later restrict unprivileged user
# namespaces, which Chromium's sandbox needs). It grants exactly that and nothing else: without it the
# app could only start with its sandbox off, which Crossing never does. Filled in by electron-builder.
abi <abi/4.0>,
include <tunables/global>

profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {
  userns,

  # Site-specific additions and overrides. See local/README for details.
  include if exists <local/${executable}>
}
