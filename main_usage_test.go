package main

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// runMain runs the program itself (this test binary acting as main) with
// args, and returns what it wrote and its exit status.
func runMain(t *testing.T, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append([]string{runMainEnv + "=1", runMainEnv + "_ARGS=" + strings.Join(args, " "),
		"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	}
	t.Fatalf("studyguide %v: %v", args, err)
	return "", -1
}

// A command that does not exist is an error with its own status (2, a
// usage error), and a near miss is named; help is not printed as though
// it had been asked for.
func TestUnknownCommandIsAUsageError(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"pack", "check", "x"}, `unknown command "check" for "studyguide pack"; did you mean validate?`},
		{[]string{"pack", "valdate"}, "did you mean validate?"},
		{[]string{"qiz"}, `unknown command "qiz" for "studyguide"; did you mean quiz?`},
	} {
		out, code := runMain(t, nil, c.args...)
		if code != 2 || !strings.Contains(out, c.want) {
			t.Errorf("studyguide %s: exit %d, want 2 and %q:\n%s", strings.Join(c.args, " "), code, c.want, out)
		}
		if strings.Contains(out, "Usage") || strings.Contains(out, "USAGE") {
			t.Errorf("studyguide %s printed the usage as though asked:\n%s", strings.Join(c.args, " "), out)
		}
	}
	for _, args := range [][]string{{"pack"}, {"pack", "--help"}} { // asked for: help, and no error
		if out, code := runMain(t, nil, args...); code != 0 || !strings.Contains(out, "validate") {
			t.Errorf("studyguide %s: exit %d:\n%s", strings.Join(args, " "), code, out)
		}
	}
	if out, code := runMain(t, nil, "print", "--no-such-flag"); code != 2 || !strings.Contains(out, "unknown flag") {
		t.Errorf("an unknown flag: exit %d, want 2:\n%s", code, out)
	}
}
