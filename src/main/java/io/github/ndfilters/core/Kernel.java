package io.github.ndfilters.core;

import java.util.Arrays;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * An immutable n-D filter kernel: weights stored with x fastest, a size per
 * axis and a centre per axis.
 * <p>
 * The centre is the element that lies over the output pixel; by default it is
 * {@code size / 2} on each axis (1 for size 2, 2 for size 4).
 * </p>
 *
 * <pre>
 * Kernel sobelX = Kernel.of( new double[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 }, 3, 3 );
 * Kernel shifted = sobelX.withCentre( 0, 1 );
 * </pre>
 */
public final class Kernel
{
	private final double[] weights;

	private final int[] dims;

	private final int[] centre;

	private Kernel( final double[] weights, final int[] dims, final int[] centre )
	{
		this.weights = weights;
		this.dims = dims;
		this.centre = centre;
	}

	/**
	 * Creates a kernel from weights stored with x fastest.
	 *
	 * @param weights
	 *            the weights; copied
	 * @param dims
	 *            the size per axis; their product must equal the number of
	 *            weights
	 * @throws IllegalArgumentException
	 *             if the sizes do not match the weights or a weight is NaN or
	 *             infinite
	 */
	public static Kernel of( final double[] weights, final int... dims )
	{
		if ( weights == null )
			throw new IllegalArgumentException( "Give the kernel weights." );
		if ( dims == null || dims.length == 0 )
			throw new IllegalArgumentException( "Give the kernel size, one number per axis." );
		long count = 1;
		for ( final int d : dims )
		{
			if ( d < 1 )
				throw new IllegalArgumentException( "Kernel sizes must be at least 1, got "
						+ Arrays.toString( dims ) + "." );
			count *= d;
		}
		if ( count != weights.length )
			throw new IllegalArgumentException( "A kernel of size " + shape( dims ) + " needs "
					+ count + " weights, got " + weights.length + "." );
		for ( int i = 0; i < weights.length; i++ )
			if ( !Double.isFinite( weights[ i ] ) )
				throw new IllegalArgumentException( "The kernel weight at " + position( i, dims )
						+ " is " + weights[ i ] + "; replace it by a finite number." );
		final int[] centre = new int[ dims.length ];
		for ( int d = 0; d < dims.length; d++ )
			centre[ d ] = dims[ d ] / 2;
		return new Kernel( weights.clone(), dims.clone(), centre );
	}

	/** Creates a 1-D kernel. */
	public static Kernel line( final double... weights )
	{
		return of( weights, weights.length );
	}

	/**
	 * Copies a kernel from an image, x fastest. The image's min is ignored:
	 * the centre is {@code size / 2} per axis.
	 */
	public static Kernel of( final RandomAccessibleInterval< ? extends RealType< ? > > image )
	{
		if ( image == null )
			throw new IllegalArgumentException( "Give a kernel image." );
		final long count = Intervals.numElements( image );
		final int[] dims = new int[ image.numDimensions() ];
		for ( int d = 0; d < dims.length; d++ )
		{
			if ( image.dimension( d ) > Integer.MAX_VALUE )
				throw new IllegalArgumentException( "Kernel axis " + d + " is too long." );
			dims[ d ] = ( int ) image.dimension( d );
		}
		if ( count > Integer.MAX_VALUE - 8 )
			throw new IllegalArgumentException( "A kernel of " + count
					+ " elements is too large." );
		final double[] weights = new double[ ( int ) count ];
		final Cursor< ? extends RealType< ? > > cursor = Views.flatIterable( image ).cursor();
		for ( int i = 0; i < weights.length; i++ )
			weights[ i ] = cursor.next().getRealDouble();
		return of( weights, dims );
	}

	/**
	 * @param centre
	 *            the element that lies over the output pixel, one index per
	 *            axis, each in {@code [0, size)}
	 * @return a kernel with the same weights and this centre
	 */
	public Kernel withCentre( final int... centre )
	{
		if ( centre == null )
			throw new IllegalArgumentException( "Give the centre, one index per kernel axis." );
		if ( centre.length != dims.length )
			throw new IllegalArgumentException( "The kernel has " + dims.length
					+ " axes but the centre has " + centre.length
					+ " coordinates; give one index per axis." );
		for ( int d = 0; d < dims.length; d++ )
			if ( centre[ d ] < 0 || centre[ d ] >= dims[ d ] )
				throw new IllegalArgumentException( "Centre " + Arrays.toString( centre )
						+ " lies outside the kernel of size " + shape( dims ) + "." );
		return new Kernel( weights, dims, centre.clone() );
	}

	public int numDimensions()
	{
		return dims.length;
	}

	public int dimension( final int d )
	{
		return d < dims.length ? dims[ d ] : 1;
	}

	/** @return the centre on axis {@code d}; 0 beyond the kernel's own axes */
	public int centre( final int d )
	{
		return d < centre.length ? centre[ d ] : 0;
	}

	public int[] dimensions()
	{
		return dims.clone();
	}

	public int[] centre()
	{
		return centre.clone();
	}

	/** @return the number of weights */
	public int size()
	{
		return weights.length;
	}

	/** @return a copy of the weights, x fastest */
	public double[] weights()
	{
		return weights.clone();
	}

	public double weight( final int index )
	{
		return weights[ index ];
	}

	public double sum()
	{
		double s = 0;
		for ( final double w : weights )
			s += w;
		return s;
	}

	/** @return how many weights are not zero */
	int nonZeroWeights()
	{
		int count = 0;
		for ( final double w : weights )
			if ( w != 0 )
				count++;
		return count;
	}

	/** @return the largest sum of |weight| */
	public double absoluteSum()
	{
		double s = 0;
		for ( final double w : weights )
			s += Math.abs( w );
		return s;
	}

	/**
	 * @return {@code true} if the weights sum to zero up to the rounding error
	 *         of adding them up, as for {@code 0.1 0.2 -0.3}
	 */
	public boolean sumsToZero()
	{
		// NB: such a sum is tiny but rarely exactly 0; dividing by it would blow the weights up.
		return Math.abs( sum() ) <= weights.length * Math.ulp( 1.0 ) * absoluteSum();
	}

	/**
	 * @return this kernel divided by its sum, or this kernel itself if it
	 *         {@link #sumsToZero()} (check that to tell the user)
	 */
	public Kernel normalized()
	{
		if ( sumsToZero() )
			return this;
		final double s = sum();
		final double[] w = new double[ weights.length ];
		for ( int i = 0; i < w.length; i++ )
			w[ i ] = weights[ i ] / s;
		return new Kernel( w, dims, centre );
	}

	/**
	 * The kernel mirrored through its centre on every axis, with the centre
	 * moved to {@code size - 1 - centre}, so that the mirrored element stays
	 * over the output pixel. Convolving with a kernel is correlating with its
	 * reflection.
	 */
	public Kernel reflected()
	{
		final double[] w = new double[ weights.length ];
		for ( int i = 0; i < w.length; i++ )
			w[ w.length - 1 - i ] = weights[ i ];
		final int[] c = new int[ dims.length ];
		for ( int d = 0; d < dims.length; d++ )
			c[ d ] = dims[ d ] - 1 - centre[ d ];
		return new Kernel( w, dims, c );
	}

	/**
	 * @return the same kernel with size 1 on added axes, so it has {@code n}
	 *         axes
	 * @throws IllegalArgumentException
	 *             if the kernel has more than {@code n} axes of size above 1
	 */
	public Kernel withDimensions( final int n )
	{
		if ( n == dims.length )
			return this;
		for ( int d = n; d < dims.length; d++ )
			if ( dims[ d ] > 1 )
				throw new IllegalArgumentException( "The kernel has " + dims.length
						+ " axes (size " + shape( dims ) + ") but the image has only " + n
						+ ". Use a kernel with at most " + n + " axes." );
		final int[] newDims = new int[ n ];
		final int[] newCentre = new int[ n ];
		for ( int d = 0; d < n; d++ )
		{
			newDims[ d ] = dimension( d );
			newCentre[ d ] = centre( d );
		}
		return new Kernel( weights, newDims, newCentre );
	}

	/**
	 * @return {@code true} if the kernel is an outer product of one line per
	 *         axis (a Gaussian, a box, a Sobel kernel), so that
	 *         {@link Method#SEPARABLE} can filter with it axis by axis
	 */
	public boolean isSeparable()
	{
		return SeparableKernel.of( this ) != null;
	}

	/** @return {@code true} if the kernel equals its reflection */
	public boolean isPointSymmetric()
	{
		final Kernel r = reflected();
		return Arrays.equals( weights, r.weights ) && Arrays.equals( centre, r.centre );
	}

	@Override
	public String toString()
	{
		return "Kernel " + shape( dims ) + ", centre " + Arrays.toString( centre );
	}

	/** @return the position of the weight with this index, as {@code (x, y, ...)} */
	private static String position( final int index, final int[] dims )
	{
		final StringBuilder sb = new StringBuilder( "(" );
		int rest = index;
		for ( int d = 0; d < dims.length; d++ )
		{
			sb.append( d == 0 ? "" : ", " ).append( rest % dims[ d ] );
			rest /= dims[ d ];
		}
		return sb.append( ")" ).toString();
	}

	static String shape( final int[] dims )
	{
		final StringBuilder sb = new StringBuilder();
		for ( int d = 0; d < dims.length; d++ )
			sb.append( d == 0 ? "" : "x" ).append( dims[ d ] );
		return sb.toString();
	}
}
