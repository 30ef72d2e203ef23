package io.github.ndfilters.command;

import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;
import io.github.ndfilters.core.Method;
import io.github.ndfilters.core.Operation;
import io.github.ndfilters.core.OutputSize;
import io.github.ndfilters.core.OutputType;
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

	/**
	 * @param value
	 *            the constant for the {@code constant} boundary, as text; empty
	 *            means 0
	 * @return the number it holds
	 */
	static double value( final String value )
	{
		if ( value == null || value.isBlank() )
			return 0;
		try
		{
			return Double.parseDouble( value.strip() );
		}
		catch ( final NumberFormatException e )
		{
			throw new IllegalArgumentException( "value=" + value + " is not a number. Give the"
					+ " constant beyond the edge as a number, such as value=0." );
		}
	}

	/**
	 * @param type
	 *            {@code 32-bit} or {@code input}
	 * @return whether the result keeps the input's pixel type
	 */
	static boolean keepsType( final String type )
	{
		final String wanted = type == null ? "" : type.strip();
		if ( OutputType.FLOAT32.token().equalsIgnoreCase( wanted ) )
			return false;
		if ( OutputType.INPUT.token().equalsIgnoreCase( wanted ) )
			return true;
		// NB: 64-bit is a type of the core, but not of ImageJ images, so it gets this message too.
		throw new IllegalArgumentException( "type=" + type + " is not a choice. Use type=32-bit"
				+ " or type=input (the input's own pixel type); ImageJ images hold no 64-bit"
				+ " values." );
	}
}
