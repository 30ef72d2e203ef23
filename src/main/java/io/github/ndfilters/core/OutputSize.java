package io.github.ndfilters.core;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;

/**
 * Which output positions a filter computes.
 * <p>
 * {@code SAME} keeps the input's interval; {@code FULL} takes every position
 * where the kernel overlaps the input; {@code VALID} only those where it lies
 * entirely inside. {@code FULL} and {@code VALID} results keep the input's
 * coordinates, so their min is generally not the input's min.
 * </p>
 */
public enum OutputSize
{
	SAME( "same" ),
	FULL( "full" ),
	VALID( "valid" );

	private final String token;

	OutputSize( final String token )
	{
		this.token = token;
	}

	public String token()
	{
		return token;
	}

	/**
	 * Computes the output interval.
	 *
	 * @param source
	 *            the input's interval
	 * @param correlationKernel
	 *            the kernel in correlation form (see
	 *            {@link Operation#asCorrelation(Kernel)}), with as many
	 *            dimensions as the source
	 * @throws IllegalArgumentException
	 *             if a {@code VALID} output would be empty
	 */
	public Interval outputInterval( final Interval source, final Kernel correlationKernel )
	{
		final int n = source.numDimensions();
		final long[] min = source.minAsLongArray();
		final long[] max = source.maxAsLongArray();
		for ( int d = 0; d < n; d++ )
		{
			final long before = correlationKernel.centre( d );
			final long after = correlationKernel.dimension( d ) - 1 - before;
			if ( this == FULL )
			{
				min[ d ] -= after;
				max[ d ] += before;
			}
			else if ( this == VALID )
			{
				min[ d ] += before;
				max[ d ] -= after;
				if ( max[ d ] < min[ d ] )
					throw new IllegalArgumentException( "A 'valid' output would be empty: on axis "
							+ d + " the kernel (" + correlationKernel.dimension( d )
							+ ") is larger than the image (" + source.dimension( d )
							+ "). Use output size 'same' or 'full', or a smaller kernel." );
			}
		}
		return new FinalInterval( min, max );
	}

	public static OutputSize fromToken( final String token )
	{
		return Tokens.parse( values(), OutputSize::token, token, "output size" );
	}
}
