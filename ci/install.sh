#!/usr/bin/env bash
# Installs what Reprolab needs on Debian 12 and builds it: system packages (apt), the datasets
# (data-scripts/get-data.sh), the jars (Maven) and the Jupyter kernel (user-level kernelspec 'reprolab-java').
# Idempotent; both Quick start commands call it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() { echo "install: $*" >&2; exit 1; }

command -v java >/dev/null || die "no java; install a JDK 17: sudo apt-get install openjdk-17-jdk-headless"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || die "Java $java_major found, 17 or newer needed: sudo apt-get install openjdk-17-jdk-headless"
command -v mvn >/dev/null || die "no Maven; install it: sudo apt-get install maven"

# Debian packages: Jupyter (notebooks and the kernel tests) and the tools the data scripts use.
packages=(jupyter-nbconvert python3-nbclient python3-nbformat jupyter-client python3-jupyter-kernel-test
    jupyter-notebook python3-pytest r-base-core)
# Node.js may come from elsewhere (NodeSource bundles npm and conflicts with Debian's npm): check the commands.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
ci/apt-install.sh install "${packages[@]}" || exit 1

data-scripts/get-data.sh

echo "install: building (mvn package -DskipTests)"
mvn -B -q package -DskipTests || die "the Maven build failed; rerun 'mvn package -DskipTests' to see why"

echo "install: installing the Jupyter kernel 'reprolab-java' (user-level)"
./reprolab kernel install --user || die "the kernel install failed; rerun './reprolab kernel install --user' to see why"
