package sshdoor

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"

	"charm.land/ssh"
)

// checkHostKey refuses a host key file others may read, as OpenSSH does:
// anyone who reads it can pose as this server to every member. A key not
// made yet is fine (wish makes it readable by its owner alone).
func checkHostKey(path string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("--host-key: %w", err)
	case fi.IsDir():
		return fmt.Errorf("--host-key %s is a directory, not a key", path)
	case runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0:
		return fmt.Errorf("--host-key %s can be read by others (%04o): anyone who reads it can pose as this server; make it yours alone with: chmod 600 %s",
			path, fi.Mode().Perm(), path)
	}
	return nil
}

// readAuthorizedKeys reads the keys of an authorized_keys file.
func readAuthorizedKeys(path string) ([]ssh.PublicKey, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--facilitator-key: %w", err)
	}
	defer f.Close()
	var keys []ssh.PublicKey
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, _, _, _, err := ssh.ParseAuthorizedKey([]byte(line))
		if err != nil {
			return nil, fmt.Errorf("--facilitator-key %s:%d: not a public key: %w", path, n, err)
		}
		keys = append(keys, k)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("--facilitator-key: %w", err)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("--facilitator-key %s: no keys in it", path)
	}
	return keys, nil
}
