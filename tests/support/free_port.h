#pragma once

// Test support: a TCP port that nothing is bound to right now. C++14-clean: gnu++14 tests use it.

namespace test_support {

// A random port below the kernel's ephemeral range (/proc/sys/net/ipv4/ip_local_port_range) that can
// be bound on every address (as a QuickFIX acceptor binds). Below that range, because the kernel
// hands out ephemeral ports as the source port of every outgoing connection: a port found by binding
// port 0 and closing was once taken, between the test's check and its own bind, by a connection of a
// test running beside it ("Address already in use"). Throws if no such port is found.
int findFreePort();

}  // namespace test_support
