package io.github.ndfilters.command;

import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;
import io.github.ndfilters.core.Method;
import io.github.ndfilters.core.Operation;
import io.github.ndfilters.core.OutputSize;
import io.github.ndfilters.ij1.KernelCenter;
import io.github.ndfilters.ij1.KernelResolver;

/**
 * Turns the words and numbers of a command's form into a {@link LinearFilter}.
 * Every bad value is an {@link IllegalArgumentException} whose message says
 * what to type instead.
 */
final class CommandOptions
{
	private CommandOptions()
	{}

	/**
	 * @param kernel
	 *            kernel text, a preset name or the title of an open image
	 * @param boundary
	 *            a boundary token; {@code value} is used for {@code constant}
	 * @param output
	 *            an output size token
	 * @param center
	 *            {@code x,y[,z,t]}, or empty for {@code size / 2} per axis
	 * @param method
	 *            a method token
	 */
	static LinearFilter filter( final Operation operation, final String kernel,
			final String boundary, final double value, final String output,
			final boolean normalize, final String center, final String method )
	{
		final Boundary mode = Boundary.fromToken( boundary );
		if ( mode == Boundary.CONSTANT && !Double.isFinite( value ) )
			throw new IllegalArgumentException( "The constant beyond the edge is " + value
					+ "; give a finite number as value." );
		final OutputSize size = OutputSize.fromToken( output );
		final Method m = Method.fromToken( method );
		final Kernel k = KernelCenter.apply( KernelResolver.resolve( kernel ), center );
		final LinearFilter filter = LinearFilter.of( operation, k ).outputSize( size )
				.normalize( normalize ).method( m );
		return mode == Boundary.CONSTANT ? filter.boundary( value ) : filter.boundary( mode );
	}
}
