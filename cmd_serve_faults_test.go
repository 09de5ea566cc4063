package main

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"studyguide/internal/sshtest"
)

// runProgram runs this test binary as the program itself (see TestMain)
// with args and env, with no terminal, and returns its standard error and
// exit status. interrupt, when set, is called with the running process
// and what it printed so far, to end it.
func runProgram(t *testing.T, env []string, interrupt func(*os.Process, *sshtest.SyncBuffer), args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0])
	cmd.Env = append([]string{runMainEnv + "=1", runMainEnv + "_ARGS=" + strings.Join(args, " "),
		"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	var stderr sshtest.SyncBuffer
	var stdout bytes.Buffer
	cmd.Stderr, cmd.Stdout = &stderr, &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if interrupt != nil {
		interrupt(cmd.Process, &stderr)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return stderr.String() + stdout.String(), 0
	case errors.As(err, &exit):
		return stderr.String() + stdout.String(), exit.ExitCode()
	}
	t.Fatalf("running %v: %v", args, err)
	return "", 0
}

// A headless server that cannot start says why: the terminal it prints
// to is not closed before the error is.
func TestHeadlessServeSaysWhyItCannotStart(t *testing.T) {
	dir := t.TempDir()
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	open := filepath.Join(dir, "open_key")
	if err := os.WriteFile(open, []byte("not really a key"), 0o644); err != nil {
		t.Fatal(err)
	}
	notKeys := filepath.Join(dir, "keys")
	if err := os.WriteFile(notKeys, []byte("ssh-ed25519 garbage\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"STUDYGUIDE_STATE_DIR=" + dir}
	hostKey := filepath.Join(dir, "host_key")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--headless", "--listen", busy.Addr().String(), "--web=", "--host-key", hostKey}, "address already in use"},
		{[]string{"serve", "--headless", "--listen", "127.0.0.1:0", "--web=", "--host-key", hostKey, "--facilitator-key", notKeys},
			"not a public key"},
		{[]string{"serve", "--headless", "--listen", "127.0.0.1:0", "--web=", "--host-key", open}, "can be read by others (0644)"},
	} {
		out, code := runProgram(t, env, nil, c.args...)
		if code == 0 || !strings.Contains(out, "studyguide: ") || !strings.Contains(out, c.want) {
			t.Errorf("%v: exit %d, said %q; want an error saying %q", c.args[3:], code, out, c.want)
		}
	}
}

// A record that cannot be written is printed instead, and serve exits
// non-zero, so the meeting's results survive.
func TestUnwritableRecordIsPrinted(t *testing.T) {
	dir := t.TempDir()
	notADir := filepath.Join(dir, "file")
	if err := os.WriteFile(notADir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	out, code := runProgram(t, []string{"STUDYGUIDE_STATE_DIR=" + dir}, func(p *os.Process, out *sshtest.SyncBuffer) {
		for deadline := time.Now().Add(15 * time.Second); !strings.Contains(out.String(), "ctrl+c ends"); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Errorf("the server never started: %q", out.String())
				break
			}
		}
		_ = p.Signal(syscall.SIGTERM)
	}, "serve", "--headless", "--listen", "127.0.0.1:0", "--web=", "--host-key", filepath.Join(dir, "hk"), "--record", filepath.Join(notADir, "r.md"))
	if code == 0 {
		t.Errorf("serve exited 0 though the record was lost:\n%s", out)
	}
	for _, want := range []string{"The meeting record could not be written", "# Meeting record:", "Members who joined: 0",
		"studyguide: the meeting record was not saved (it is printed above)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q:\n%s", want, out)
		}
	}
}

// --max-members reaches the room through the command: with 1, a second
// member is told the room is full.
func TestMaxMembersFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("STUDYGUIDE_STATE_DIR", dir)
	var out sshtest.SyncBuffer
	cmd := newRootCmd()
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs([]string{"serve", "--headless", "--listen", "127.0.0.1:0", "--web=", "--max-members", "1", "--no-save",
		"--host-key", filepath.Join(dir, "hk")})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	defer func() { cancel(); <-done }()
	var addr, code string
	for deadline := time.Now().Add(15 * time.Second); addr == ""; time.Sleep(10 * time.Millisecond) {
		if m := joinLine.FindStringSubmatch(out.String()); m != nil {
			addr, code = "127.0.0.1:"+m[1], m[2]
		} else if time.Now().After(deadline) {
			t.Fatalf("no join line:\n%s", out.String())
		}
	}
	a := sshtest.Dial(t, addr, sshtest.DialOpts{})
	a.Join(code, "Ada")
	b := sshtest.Dial(t, addr, sshtest.DialOpts{})
	b.WaitFor("Room code:")
	b.Press(code, "enter")
	b.Press("Bo", "enter")
	if said := b.WaitEnd(); !strings.Contains(said, "The room is full (1 members).") {
		t.Errorf("the second member in a room of one was told %q", said)
	}
}
