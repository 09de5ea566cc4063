package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// usageError is a command line the program cannot make sense of: a command
// or flag that does not exist. It exits with status 2, as the shell's own
// tools do, so a script can tell a typing mistake from a failure.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// exitCode is the program's exit status for the error a command returned.
func exitCode(err error) int {
	var u usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &u):
		return 2
	}
	return 1
}

// noSubcommand is the Args check of a command whose arguments, if any, can
// only be one of its subcommands' names: anything else is an unknown
// command, with the nearest names suggested. Without arguments the command
// runs (a group's help, the root's chapter list).
func noSubcommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2 // cobra's own default, set only on its own path
	}
	if near := cmd.SuggestionsFor(args[0]); len(near) > 0 {
		msg += "; did you mean " + strings.Join(near, " or ") + "?"
	} else if cmd.HasAvailableSubCommands() {
		msg += fmt.Sprintf("; %s --help lists them", cmd.CommandPath())
	}
	return usageError{errors.New(msg)}
}

// flagError makes a flag the program does not know a usage error.
func flagError(_ *cobra.Command, err error) error { return usageError{err} }
