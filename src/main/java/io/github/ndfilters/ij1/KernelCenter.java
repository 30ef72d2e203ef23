package io.github.ndfilters.ij1;

import java.util.Arrays;

import io.github.ndfilters.core.Kernel;

/**
 * Reads the {@code center} option, the kernel element that lies over the
 * output pixel, written {@code x,y[,z,t]} with indices from 0.
 * <p>
 * An empty text keeps the default centre, {@code size / 2} per axis. Axes the
 * text leaves out keep their default too, so {@code 0,0} on a 3-D kernel
 * moves the centre in x and y only. Coordinates for axes beyond the kernel's
 * own must be 0, as such axes have size 1.
 * </p>
 *
 * <pre>
 * Kernel k = KernelCenter.apply( Kernel.of( new double[] { 1, 1, 1, 1 }, 2, 2 ), "0,0" );
 * </pre>
 */
public final class KernelCenter
{
	private KernelCenter()
	{}

	/**
	 * @param kernel
	 *            the kernel
	 * @param center
	 *            {@code x,y[,z,t]}, separated by commas or spaces; empty or
	 *            {@code null} for the default
	 * @return the kernel with that centre
	 * @throws IllegalArgumentException
	 *             naming the bad coordinate and the allowed range
	 */
	public static Kernel apply( final Kernel kernel, final String center )
	{
		if ( center == null || center.trim().isEmpty() )
			return kernel;
		final String[] parts = center.trim().split( "[\\s,]+" );
		if ( parts.length > 4 )
			throw new IllegalArgumentException( "The center '" + center + "' has " + parts.length
					+ " coordinates; give at most four, as x,y[,z,t]." );
		final int n = Math.max( kernel.numDimensions(), parts.length );
		final int[] c = new int[ n ];
		for ( int d = 0; d < n; d++ )
		{
			c[ d ] = kernel.centre( d );
			if ( d >= parts.length )
				continue;
			final int size = kernel.dimension( d );
			try
			{
				c[ d ] = Integer.parseInt( parts[ d ] );
			}
			catch ( final NumberFormatException e )
			{
				throw new IllegalArgumentException( "The center coordinate " + axis( d ) + " = '"
						+ parts[ d ] + "' is not a whole number. Write the center as x,y[,z,t],"
						+ " for example 1,1." );
			}
			if ( c[ d ] < 0 || c[ d ] >= size )
				throw new IllegalArgumentException( "The center coordinate " + axis( d ) + " = "
						+ c[ d ] + " lies outside the kernel, which is " + size
						+ " wide on that axis; use 0 to " + ( size - 1 ) + "." );
		}
		try
		{
			return kernel.withDimensions( n ).withCentre( c );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new IllegalArgumentException( "The center " + Arrays.toString( c )
					+ " does not fit the kernel: " + e.getMessage(), e );
		}
	}

	private static String axis( final int d )
	{
		return "xyzt".substring( d, d + 1 );
	}
}
