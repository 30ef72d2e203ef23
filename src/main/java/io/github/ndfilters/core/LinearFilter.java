package io.github.ndfilters.core;

import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * Correlation or convolution of an n-D image with an n-D kernel, exactly as
 * {@link Operation} defines them. Immutable: each option method
 * ({@code boundary}, {@code outputSize}, {@code normalize}, {@code method},
 * {@code monitor}) returns a new filter, so one filter can be shared between
 * threads.
 *
 * <pre>
 * RandomAccessibleInterval&lt;FloatType&gt; smooth = LinearFilter
 * 		.convolve( Kernel.of( weights, 5, 5 ) )
 * 		.boundary( Boundary.MIRROR )
 * 		.apply( image );
 * </pre>
 *
 * Results of {@link OutputSize#FULL} and {@link OutputSize#VALID} keep the
 * input's coordinates: their min is where the result lies over the input. For
 * block-wise work, {@link #applyTo} fills any target interval.
 */
public final class LinearFilter
{
	private final Operation operation;

	private final Kernel kernel;

	private final BoundaryConditions boundary;

	private final OutputSize outputSize;

	private final boolean normalize;

	private final Method method;

	private final FilterMonitor monitor;

	private LinearFilter( final Operation operation, final Kernel kernel,
			final BoundaryConditions boundary, final OutputSize outputSize,
			final boolean normalize, final Method method, final FilterMonitor monitor )
	{
		this.operation = operation;
		this.kernel = kernel;
		this.boundary = boundary;
		this.outputSize = outputSize;
		this.normalize = normalize;
		this.method = method;
		this.monitor = monitor;
	}

	/**
	 * A filter with {@link Boundary#SYMMETRIC} edges, output size
	 * {@link OutputSize#SAME}, no normalisation and {@link Method#AUTO}.
	 */
	public static LinearFilter of( final Operation operation, final Kernel kernel )
	{
		if ( operation == null || kernel == null )
			throw new IllegalArgumentException( "Give an operation and a kernel." );
		return new LinearFilter( operation, kernel, BoundaryConditions.of( Boundary.SYMMETRIC ),
				OutputSize.SAME, false, Method.AUTO, FilterMonitor.NONE );
	}

	public static LinearFilter correlate( final Kernel kernel )
	{
		return of( Operation.CORRELATE, kernel );
	}

	public static LinearFilter convolve( final Kernel kernel )
	{
		return of( Operation.CONVOLVE, kernel );
	}

	public LinearFilter boundary( final Boundary mode )
	{
		return boundary( BoundaryConditions.of( mode ) );
	}

	/** {@link Boundary#CONSTANT} edges with the given value. */
	public LinearFilter boundary( final double value )
	{
		return boundary( BoundaryConditions.constant( value ) );
	}

	public LinearFilter boundary( final BoundaryConditions conditions )
	{
		require( conditions, "Give the boundary conditions." );
		return new LinearFilter( operation, kernel, conditions, outputSize, normalize, method,
				monitor );
	}

	public LinearFilter outputSize( final OutputSize size )
	{
		require( size, "Give an output size: " + OutputSize.SAME.token() + ", "
				+ OutputSize.FULL.token() + " or " + OutputSize.VALID.token() + "." );
		return new LinearFilter( operation, kernel, boundary, size, normalize, method, monitor );
	}

	/**
	 * @param normalize
	 *            whether to divide the kernel by its sum; a kernel summing to
	 *            zero is used as it is, and the monitor is warned
	 */
	public LinearFilter normalize( final boolean normalize )
	{
		return new LinearFilter( operation, kernel, boundary, outputSize, normalize, method,
				monitor );
	}

	/**
	 * @param m
	 *            how to compute; {@link Method#AUTO} (the default) lets a cost
	 *            model choose, any other value forces that method
	 */
	public LinearFilter method( final Method m )
	{
		require( m, "Give a method, for example " + Method.AUTO.token() + "." );
		return new LinearFilter( operation, kernel, boundary, outputSize, normalize, m, monitor );
	}

	public LinearFilter monitor( final FilterMonitor m )
	{
		return new LinearFilter( operation, kernel, boundary, outputSize, normalize, method,
				m == null ? FilterMonitor.NONE : m );
	}

	/**
	 * @return the same filter with another operation, for comparing the two
	 *         with every other setting kept
	 */
	public LinearFilter operation( final Operation op )
	{
		if ( op == null )
			throw new IllegalArgumentException( "Give an operation." );
		return new LinearFilter( op, kernel, boundary, outputSize, normalize, method, monitor );
	}

	public Operation operation()
	{
		return operation;
	}

	public BoundaryConditions boundaryConditions()
	{
		return boundary;
	}

	public OutputSize outputSize()
	{
		return outputSize;
	}

	/** @return whether the kernel is divided by its sum before use */
	public boolean normalizes()
	{
		return normalize;
	}

	public Method method()
	{
		return method;
	}

	public Kernel kernel()
	{
		return kernel;
	}

	/**
	 * @return the interval of the result for a source with this interval
	 * @throws IllegalArgumentException
	 *             if the kernel has more axes than the source, or a
	 *             {@code VALID} result would be empty
	 */
	public Interval outputInterval( final Interval source )
	{
		requireSourceWithSamples( source );
		return outputSize.outputInterval( source, kernelFor( source.numDimensions() ) );
	}

	/** @return the result as 32-bit floats */
	public RandomAccessibleInterval< FloatType > apply(
			final RandomAccessibleInterval< ? extends RealType< ? > > source )
	{
		return applyAs( source, new FloatType() );
	}

	/**
	 * @return the result as 64-bit floats
	 *         <p>
	 *         NB: every method sums in float (with partial sums carried up to
	 *         double), so the values are as accurate as {@link #apply}'s, within
	 *         about 3e-6 of the largest sum of |input| x |kernel| an output can
	 *         reach; a 64-bit result keeps them without a second rounding but
	 *         gains no further precision.
	 *         </p>
	 */
	public RandomAccessibleInterval< DoubleType > applyAsDouble(
			final RandomAccessibleInterval< ? extends RealType< ? > > source )
	{
		return applyAs( source, new DoubleType() );
	}

	/** @return the result in the source's own pixel type, rounded and saturated */
	public < T extends NativeType< T > & RealType< T > > RandomAccessibleInterval< T >
			applyKeepingType( final RandomAccessibleInterval< T > source )
	{
		require( source, "Give a source image." );
		return applyAs( source, source.getType().createVariable() );
	}

	/**
	 * @return the result in the given pixel type; integer types are rounded
	 *         half away from zero and saturated
	 * @throws IllegalArgumentException
	 *             if the result and working buffers would not fit into the
	 *             memory Java can still use (checked before allocating)
	 */
	public < T extends NativeType< T > & RealType< T > > RandomAccessibleInterval< T > applyAs(
			final RandomAccessibleInterval< ? extends RealType< ? > > source, final T type )
	{
		require( type, "Give the pixel type of the result." );
		final Interval interval = outputInterval( source );
		final Kernel k = correlationKernel( source.numDimensions() );
		MemoryBudget.require( MemoryBudget.bytes( interval, type.getBitsPerPixel() ),
				MemoryBudget.workingBytes( interval, k, Slabs.threads() ) );
		final Img< T > img = Util.getSuitableImgFactory( interval, type ).create( interval );
		// NB: the engines write into the image itself, not the translated view, so a
		// float or double array image is filled straight through its array.
		run( source, k, img, interval.minAsLongArray() );
		return Views.translate( img, interval.minAsLongArray() );
	}

	/**
	 * Computes the result at every position of {@code target}'s interval,
	 * which may be any part of (or beyond) the output interval, so a large
	 * image can be processed block by block. An empty target is left as it is.
	 *
	 * @throws java.util.concurrent.CancellationException
	 *             if the monitor canceled; the target is then partly written
	 * @throws IllegalArgumentException
	 *             if the working buffers would not fit into the memory Java
	 *             can still use (checked before allocating)
	 */
	public void applyTo( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final RandomAccessibleInterval< ? extends RealType< ? > > target )
	{
		requireSourceWithSamples( source );
		require( target, "Give a target image to write the result into." );
		if ( target == source )
			throw new IllegalArgumentException( "The target is the source image, which must not "
					+ "change. Give a new image as the target." );
		if ( source.numDimensions() != target.numDimensions() )
			throw new IllegalArgumentException( "The source has " + source.numDimensions()
					+ " axes but the target has " + target.numDimensions()
					+ ". Give a target with as many axes as the source." );
		if ( Intervals.numElements( target ) == 0 )
			return; // NB: no positions, nothing to compute
		final Kernel k = correlationKernel( source.numDimensions() );
		MemoryBudget.require( 0, MemoryBudget.workingBytes( target, k, Slabs.threads() ) );
		run( source, k, target, new long[ source.numDimensions() ] );
	}

	/**
	 * @param shift
	 *            the output position of target position {@code p} is
	 *            {@code p + shift}
	 */
	private void run( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final Kernel k, final RandomAccessibleInterval< ? extends RealType< ? > > target,
			final long[] shift )
	{
		final MethodChooser.Choice choice = MethodChooser.choose( method, target, k );
		final Method m = choice.method;
		if ( m != method && method != Method.AUTO )
			monitor.warn( "Method '" + method.token() + "' cannot take this kernel; "
					+ "it is computed directly." );
		switch ( m )
		{
		case SEPARABLE:
			SeparableCorrelator.correlate( source, boundary, k, SeparableKernel.of( k ), target,
					shift, monitor );
			break;
		case FFT:
			FftCorrelator.correlate( source, boundary, k, target, shift, choice.tiling != null
					? choice.tiling : FftTiling.of( target, k ), monitor );
			break;
		default:
			DirectCorrelator.correlate( source, boundary, k, target, shift, monitor );
		}
	}

	/**
	 * @return the method that {@link #apply} and its siblings would use on
	 *         this source: the requested one, or for {@link Method#AUTO} the
	 *         one the cost model finds fastest; a method that cannot take the
	 *         kernel (such as {@link Method#SEPARABLE} for a kernel that is
	 *         not an outer product) gives way to {@link Method#DIRECT}
	 */
	public Method chosenMethod( final Interval source )
	{
		final Kernel k = kernelFor( source.numDimensions() );
		return MethodChooser.choose( method, outputInterval( source ), k ).method;
	}

	private static void requireSourceWithSamples( final Interval source )
	{
		require( source, "Give a source image." );
		if ( source.numDimensions() == 0 )
			throw new IllegalArgumentException( "The source image has no axes. Give an image "
					+ "with at least one axis." );
		for ( int d = 0; d < source.numDimensions(); d++ )
			if ( source.dimension( d ) < 1 )
				throw new IllegalArgumentException( "The source image is empty: its size on axis "
						+ d + " is " + source.dimension( d ) + ". Give an image with at least "
						+ "one sample." );
	}

	private static void require( final Object argument, final String message )
	{
		if ( argument == null )
			throw new IllegalArgumentException( message );
	}

	/**
	 * The kernel to correlate with: normalised, reflected for convolution,
	 * n-D. Warns the monitor if it cannot be normalised, so call it once per
	 * run.
	 */
	private Kernel correlationKernel( final int numDimensions )
	{
		if ( normalize && kernel.sumsToZero() )
			monitor.warn( "The kernel sums to zero, so it cannot be normalised; "
					+ "it is used as it is." );
		return kernelFor( numDimensions );
	}

	/** {@link #correlationKernel} without the warning, for questions about a run. */
	private Kernel kernelFor( final int numDimensions )
	{
		final Kernel k = normalize ? kernel.normalized() : kernel;
		return operation.asCorrelation( k ).withDimensions( numDimensions );
	}
}
