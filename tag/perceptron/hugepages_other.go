//go:build !linux

package perceptron

// HugePages is a no-op outside Linux (see the Linux version).
func HugePages[T any](s []T) {}
