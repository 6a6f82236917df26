# Shared by the scripts in jobs/ (sourced, not run): paths, the build, Spark's JVM options and
# the minimal SPARK_HOME that jobs/cluster-local and jobs/submit use when no Spark is installed.
# shellcheck shell=bash

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Module openings and options Spark needs on Java 17+: the list of Spark 4.1.1's launcher
# (org.apache.spark.launcher.JavaModuleOptions), which spark-submit and spark-class add to the driver
# and daemons and SparkContext adds to executors. Local runs use the same list, so that a driver,
# an executor and a local-mode task see the same JVM; in particular jdk.incubator.vector decides
# which pure-Java BLAS netlib picks when no native BLAS loads (VectorBLAS with it, Java11BLAS
# without), and the two round differently.
spark_java_options=(
  -XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
  -Dio.netty.allocator.type=pooled -Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE
  --enable-native-access=ALL-UNNAMED
)

# The application jar (without Spark) and the cluster jar; empty when not built.
annft_jar() { ls "$root"/target/annft-*[0-9T].jar 2>/dev/null | head -n 1; }
cluster_jar() { ls "$root"/target/annft-*-cluster.jar 2>/dev/null | head -n 1; }

# True when the jars are missing or older than the sources (main and, with "tests", test classes).
needs_build() {
  local j; j="$(cluster_jar)"
  [ -z "$(annft_jar)" ] || [ -z "$j" ] || [ ! -d "$root/target/lib" ] || [ ! -f "$root/target/spark-home.classpath" ] && return 0
  local sources=("$root/src/main" "$root/src/build" "$root/pom.xml" "$root/conf/reference.conf")
  [ "${1:-}" = tests ] && sources+=("$root/src/test")
  [ -n "$(find "${sources[@]}" -newer "$j" -print -quit)" ]
}

# Builds the project (Maven, tests skipped but compiled) when needs_build says so.
build_if_needed() {
  if needs_build "${1:-}"; then
    echo "annft: building (mvn package, tests skipped) ..." >&2
    # target/lib is rebuilt from scratch: no jar of an older dependency version may stay on the classpath.
    rm -rf "$root/target/lib"
    # Maven's quiet mode still writes colour resets; the log of a build shows text only.
    (cd "$root" && mvn -B -q -DskipTests package 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g'; exit "${PIPESTATUS[0]}") >&2
  fi
}

# target/spark-home: a minimal Spark installation made of the build's jars (RELEASE marks it as a
# distribution for Spark's launcher code; jars/ links the jars a Spark distribution ships, listed
# by the build in target/spark-home.classpath; conf/ holds the daemons' logging).
spark_home="$root/target/spark-home"
prepare_spark_home() {
  build_if_needed
  local wanted jar
  wanted="$(tr ':' '\n' < "$root/target/spark-home.classpath" | xargs -n 1 basename | sort)"
  # Rebuilt only when the list changed: a running cluster keeps launching executors from it.
  if [ -f "$spark_home/RELEASE" ] && [ "$(ls "$spark_home/jars" 2>/dev/null | sort)" = "$wanted" ]; then
    return 0
  fi
  rm -rf "$spark_home"
  mkdir -p "$spark_home/jars" "$spark_home/conf"
  for jar in $wanted; do
    ln -s "$root/target/lib/$jar" "$spark_home/jars/"
  done
  echo "Spark 4.1.1 (Scala 2.13): the jars of annft's Maven build (target/lib), no scripts" > "$spark_home/RELEASE"
  cat > "$spark_home/conf/log4j2.properties" <<'EOF'
# Daemons and executors of jobs/cluster-local: INFO to their log files (the worker's work/ for executors).
rootLogger.level = info
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n%ex
logger.hadoop.name = org.apache.hadoop
logger.hadoop.level = warn
logger.parquet.name = org.apache.parquet
logger.parquet.level = warn
EOF
}

# The JVM announces the incubator module (which Spark's executors load too) before annft says a word;
# drop that one line so that an error is one line, and pass everything else through as it comes
# (cat copies bytes, so the progress line's carriage returns are not held back).
without_module_notice() {
  local first
  if IFS= read -r first; then
    [ "$first" = "WARNING: Using incubator modules: jdk.incubator.vector" ] || printf '%s\n' "$first"
  else
    printf '%s' "$first"
  fi
  exec cat
}
