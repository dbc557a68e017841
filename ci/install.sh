#!/usr/bin/env bash
# Installs what Reprolab needs on Debian 12 and builds it: system packages (apt), the datasets
# (data-scripts/get-data.sh), playwright-core for the browser test (npm ci in ci/browser), the jars (Maven) and
# the Jupyter kernel (user-level kernelspec 'reprolab-java').
# Idempotent; both Quick start commands call it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() { echo "install: $*" >&2; exit 1; }

command -v java >/dev/null || die "no java; install a JDK 17: sudo apt-get install openjdk-17-jdk-headless"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || die "Java $java_major found, 17 or newer needed: sudo apt-get install openjdk-17-jdk-headless"
command -v mvn >/dev/null || die "no Maven; install it: sudo apt-get install maven"

# Debian packages: Jupyter (notebooks and the kernel tests), the tools the data scripts use, and chromium (the
# browser test drives it; nothing else is downloaded for it at run time).
packages=(jupyter-nbconvert python3-nbclient python3-nbformat jupyter-client python3-jupyter-kernel-test
    jupyter-notebook python3-pytest r-base-core chromium)
# Node.js may come from elsewhere (NodeSource bundles npm and conflicts with Debian's npm): check the commands.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
ci/apt-install.sh install "${packages[@]}" || exit 1
# Node.js from elsewhere may lack npm, or be too old for playwright-core (it needs 18).
command -v node >/dev/null && command -v npm >/dev/null \
    || die "no node or npm after apt-get; install Node.js 18 or newer with npm: sudo apt-get install nodejs npm"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' \
    || die "Node.js $(node --version) found, 18 or newer needed (playwright-core): sudo apt-get install nodejs npm"

data-scripts/get-data.sh

# playwright-core for the browser test (ci/test_browser.js), at the version ci/browser/package-lock.json pins; npm ci
# only when the installed one differs. It drives Debian's chromium, so no browser is downloaded.
pinned_playwright() {
    node -e 'const l = require("./ci/browser/package-lock.json").packages["node_modules/playwright-core"].version;
        let i = null; try { i = require("./ci/browser/node_modules/playwright-core/package.json").version; } catch (e) {}
        process.exit(l === i ? 0 : 1)'
}
if ! pinned_playwright 2>/dev/null; then
    echo "install: npm ci in ci/browser (playwright-core for the browser test)"
    (cd ci/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
        || die "npm ci in ci/browser failed; rerun it there to see why"
fi

echo "install: building (mvn package -DskipTests)"
mvn -B -q package -DskipTests || die "the Maven build failed; rerun 'mvn package -DskipTests' to see why"

echo "install: installing the Jupyter kernel 'reprolab-java' (user-level)"
./reprolab kernel install --user || die "the kernel install failed; rerun './reprolab kernel install --user' to see why"
