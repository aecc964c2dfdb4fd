#include <stdio.h>
#include <time.h>
#include <pthread.h>
#include <x86intrin.h>
#define N 100000000L
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
#define F(r) "vfmadd231ps %%zmm14, %%zmm15, %%zmm" #r "\n\t"
static void* thr(void* a){
  long n=N;
  __asm__ volatile(
    "vxorps %%xmm14,%%xmm14,%%xmm14\n\t vxorps %%xmm15,%%xmm15,%%xmm15\n\t"
    "1:\n\t" F(0) F(1) F(2) F(3) F(4) F(5) F(6) F(7) F(8) F(9) F(10) F(11)
    "dec %0\n\t jnz 1b\n\t" : "+r"(n) :: "memory","cc");
  return 0;
}
static void* lat(void* a){
  long n=N;
  __asm__ volatile("vxorps %%xmm14,%%xmm14,%%xmm14\n\t vxorps %%xmm15,%%xmm15,%%xmm15\n\t"
    "1:\n\t" F(0) F(0) F(0) F(0) "dec %0\n\t jnz 1b\n\t" : "+r"(n) :: "memory","cc");
  return 0;
}
int main(){
  for(int rep=0;rep<3;rep++){
    unsigned long long c0=__rdtsc(); double t=now(); lat(0); double dl=now()-t; unsigned long long c1=__rdtsc();
    double nsper=dl/(4.0*N)*1e9;
    printf("latency chain: %.4f ns per dependent FMA (4-cycle latency => core clock %.2f GHz); TSC %.2f GHz\n", nsper, 4.0/nsper, (c1-c0)/dl*1e-9);
    t=now(); thr(0); double d1=now()-t;
    double fmas1=12.0*N/d1;
    printf("1 thread: %.1f GFLOP/s = %.2f zmm FMA/ns = %.2f zmm FMA per core cycle\n", fmas1*32e-9, fmas1*1e-9, fmas1*1e-9/(4.0/nsper));
    pthread_t th[2]; t=now(); for(long k=0;k<2;k++) pthread_create(&th[k],0,thr,0); for(int k=0;k<2;k++) pthread_join(th[k],0); double d2=now()-t;
    printf("2 threads: %.1f GFLOP/s\n", 2*12.0*N*32/d2*1e-9);
  }
}
