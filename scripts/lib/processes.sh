#!/usr/bin/env bash
# Shared by the scripts that start local services: pid files and loopback ports.

# Prints the pid in pid file $1 if that process is alive and its command line contains $2 (a fixed
# string); otherwise prints nothing and removes the stale file.
running_pid_of() {
  local file="$1" pattern="$2" pid
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
      && ps -p "$pid" -o args= 2>/dev/null | grep -qF "$pattern"; then
    echo "$pid"
  else
    rm -f "$file"
  fi
}

# True when something listens on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
